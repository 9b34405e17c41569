/** Templates are kept between runs (named by the hash of what built them); test databases are dropped by each file. */
export default async function globalTeardown(): Promise<void> {}
