/**
 * The saves of one file, one after another, each writing the whole state as it was when asked.
 * A failed write does not stop the ones after it (a chain of promises that stays rejected would:
 * every later save would fail with the first error and nothing would be written again), and the
 * user hears about a run of failures once, not once per save; a write that works again ends it.
 * `save` never rejects: it says whether this write reached the disk.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private failing = false;

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly failed: (err: unknown) => void,
    private readonly recovered: () => void = () => undefined,
  ) {}

  save(text: string): Promise<boolean> {
    const run = this.tail.then(() => this.attempt(text));
    this.tail = run;
    return run;
  }

  private async attempt(text: string): Promise<boolean> {
    try {
      await this.write(text);
    } catch (err) {
      if (!this.failing) this.failed(err);
      this.failing = true;
      return false;
    }
    if (this.failing) this.recovered();
    this.failing = false;
    return true;
  }
}
