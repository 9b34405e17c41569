/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One aligned line: count, median, p95 and max of latency samples in milliseconds. */
export function summary(label: string, samples: number[], labelWidth = 34): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(2).padStart(7);
  return `${label.padEnd(labelWidth)} n=${String(s.length).padStart(5)}  median ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  max ${f(s[s.length - 1])} ms`;
}
