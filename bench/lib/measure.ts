// Timing helpers: every figure the harness reports is a ratio of two of these, from the same run.

export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), n: s.length };
}

/** p50/p95 of `runs` sequential calls after two warm-up calls. */
export async function time(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  await fn();
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

/**
 * Times `a` and `b` interleaved (a, b, a, b, …) so both see the same machine noise: on a
 * shared box the ratio is the figure that means something.
 */
export async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number): Promise<[Timing, Timing]> {
  for (let i = 0; i < 2; i++) {
    await a();
    await b();
  }
  const ma: number[] = [];
  const mb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await a();
    ma.push(performance.now() - t);
    t = performance.now();
    await b();
    mb.push(performance.now() - t);
  }
  return [summarize(ma), summarize(mb)];
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
