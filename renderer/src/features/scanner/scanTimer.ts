// Tells a barcode scanner from a person by timing alone: a scanner is a keyboard that types a whole
// code a few milliseconds per key and ends with Enter; people need 80 ms or more per key. Nothing
// about the characters themselves is guessed.
// The test is the average pace from the first key to Enter, leaving out the single longest pause,
// not each gap: a busy computer delivers a scanner's keys in uneven bursts (one stall for a garbage
// collection or a repaint), but never at a person's pace overall.

export interface ScanTiming {
  /** The slowest average time per key (Enter included) that still counts as a scan. */
  maxMeanGapMs: number;
  /** A pause longer than this starts a new burst: what was typed before it is not part of the scan. */
  pauseMs: number;
  /** Shorter bursts are quick typing, not a scan. */
  minLength: number;
}

export const DEFAULT_TIMING: ScanTiming = { maxMeanGapMs: 50, pauseMs: 300, minLength: 6 };

export interface Scan {
  text: string;
  /** Where the keys went (an input, or the page). */
  target: EventTarget | null;
  /** That input's value before the scan began, to put back when the scan was not meant for it. */
  before: string | null;
}

export class ScanTimer {
  private chars: string[] = [];
  private times: number[] = [];
  private last = Number.NEGATIVE_INFINITY;
  private target: EventTarget | null = null;
  private before: string | null = null;

  constructor(private readonly timing: ScanTiming = DEFAULT_TIMING) {}

  /** A printable key at time `at` (ms), typed into `target` whose value was `value` before it. */
  key(char: string, at: number, target: EventTarget | null, value: string | null): void {
    if (at - this.last > this.timing.pauseMs || target !== this.target) {
      this.chars = [];
      this.times = [];
      this.target = target;
      this.before = value;
    }
    this.chars.push(char);
    this.times.push(at);
    this.last = at;
  }

  /** Enter at time `at`: the scan it ends, or null when the keys before it were typed by hand. */
  enter(at: number): Scan | null {
    const n = this.chars.length;
    const fast =
      n >= this.timing.minLength &&
      at - this.last <= this.timing.pauseMs &&
      this.meanGap(at) <= this.timing.maxMeanGapMs;
    const scan = fast ? { text: this.chars.join(''), target: this.target, before: this.before } : null;
    this.reset();
    return scan;
  }

  /** Mean time per key up to Enter, without the longest single gap. */
  private meanGap(enterAt: number): number {
    const stamps = [...this.times, enterAt];
    const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
    const longest = Math.max(...gaps);
    return (gaps.reduce((a, b) => a + b, 0) - longest) / Math.max(1, gaps.length - 1);
  }

  reset(): void {
    this.chars = [];
    this.times = [];
    this.last = Number.NEGATIVE_INFINITY;
    this.target = null;
    this.before = null;
  }
}
