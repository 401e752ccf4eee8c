/**
 * Sliding-window rate limit: at most `limit` accepted requests per `windowMs` per key. Graph limits
 * identity reports and provisionOnDemand to 5 requests per 10 s per tenant (graph-api.md §0); time
 * comes from the sandbox clock so tests need not wait.
 */
export class Throttle {
  private readonly accepted = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records the request and returns undefined, or returns the Retry-After seconds when over the limit. */
  tryAcquire(key: string, nowMs: number): number | undefined {
    const recent = (this.accepted.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.accepted.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000));
    }
    recent.push(nowMs);
    this.accepted.set(key, recent);
    return undefined;
  }

  reset(): void {
    this.accepted.clear();
  }
}
