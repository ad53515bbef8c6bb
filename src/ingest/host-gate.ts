/**
 * Politeness for one host: at most `limit` tasks at once, and starts at least `delayMs` apart.
 * Tasks run in the order they asked.
 */
export class HostGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;

  constructor(
    private readonly limit: number,
    private readonly delayMs: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.active >= this.limit) {
      // release() hands its slot straight to the first waiter, so `active` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    const now = Date.now();
    const wait = this.nextStart - now;
    this.nextStart = Math.max(now, this.nextStart) + this.delayMs;
    if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
