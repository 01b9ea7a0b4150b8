// Online or offline, judged from what requests actually did (not navigator.onLine): a few exchanges
// in a row without any answer mean offline; any answer at all means the network is back.

export class NetworkState {
  private unanswered = 0;
  private isOnline = true;
  private lastSuccess: number | null;

  constructor(
    private readonly offlineAfter: number,
    lastSuccessAt: number | null,
  ) {
    this.lastSuccess = lastSuccessAt;
  }

  get online(): boolean {
    return this.isOnline;
  }

  /** The last exchange that did what it was for (events read, a release confirmed). */
  get lastSuccessAt(): number | null {
    return this.lastSuccess;
  }

  /** Some server answered (even with an error): the network works. */
  answered(): void {
    this.unanswered = 0;
    this.isOnline = true;
  }

  succeeded(at: number): void {
    this.answered();
    this.lastSuccess = this.lastSuccess === null ? at : Math.max(this.lastSuccess, at);
  }

  /** No answer at all (refused, reset, timed out). */
  unreachable(): void {
    this.unanswered++;
    if (this.unanswered >= this.offlineAfter) this.isOnline = false;
  }
}
