/**
 * Runs queries one after the other and returns their results as a tuple. Inside a transaction every query shares one
 * connection, so `Promise.all` gains nothing there, and node-postgres deprecates queuing queries on a busy client.
 */
export async function inOrder<T extends readonly unknown[]>(
  ...steps: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as unknown as T;
}
