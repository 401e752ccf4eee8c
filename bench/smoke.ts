/**
 * BENCH_SMOKE=1 (npm test's bench step): each benchmark runs once on a small size, so that it is
 * known to run; its times mean nothing then and are not checked.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** The full-run value, or the smoke-run value under BENCH_SMOKE=1. */
export function benchSize<T>(full: T, smoke: T): T {
  return SMOKE ? smoke : full;
}
