// Tells a scan by the prefix and/or suffix the scanner was programmed to send around each code:
// the sure way, whatever the timing. With a prefix, the code is what follows it, up to the suffix
// or Enter; with only a suffix, the code is what was typed into the same place since the last
// Enter or other non-character key. The Enter a scanner sends after its suffix is kept out of the
// page (it arrives within `enterWithinMs` of the suffix). Without a prefix or suffix, ScanTimer's
// timing alone decides; it stays the fallback for a scanner that was not programmed.
import { isControlChar } from '../../../../shared/scannerFrame';
import type { Scan } from './scanTimer';

export interface Framing {
  prefix: string;
  suffix: string;
}

export type FrameStep =
  /** Not part of a framed scan, as far as can be told: the key does what it always does. */
  | { kind: 'pass' }
  /** Part of the framing (a control character of the prefix or suffix, or the Enter after the suffix): keep it from the page. */
  | { kind: 'swallow' }
  /** A whole scan; `swallow` when the key that ended it must not reach the page. */
  | { kind: 'scan'; scan: Scan; swallow: boolean };

const PASS: FrameStep = { kind: 'pass' };
const SWALLOW: FrameStep = { kind: 'swallow' };
/** A stuck key or a pasted novel must not grow without end. */
const MAX_TYPED = 200;

/** True when `typed` ends with the first characters of `marker` (a prefix or suffix being sent). */
function endsWithStartOf(typed: string, marker: string): boolean {
  for (let n = Math.min(marker.length, typed.length); n > 0; n--) if (typed.endsWith(marker.slice(0, n))) return true;
  return false;
}

export class ScanFrame {
  private framing: Framing = { prefix: '', suffix: '' };
  /** Characters since the last reset, and the field's value before each of them. */
  private typed = '';
  private befores: (string | null)[] = [];
  private target: EventTarget | null = null;
  /** After the prefix: the code so far, and the field's value before the prefix began. */
  private capture: { code: string; before: string | null } | null = null;
  /** When the suffix ended a scan (ms): the scanner's Enter right after it is part of the scan. */
  private suffixAt: number | null = null;

  constructor(private readonly enterWithinMs = 300) {}

  configure(framing: Framing): void {
    if (framing.prefix === this.framing.prefix && framing.suffix === this.framing.suffix) return;
    this.framing = { ...framing };
    this.reset();
  }

  get active(): boolean {
    return this.framing.prefix !== '' || this.framing.suffix !== '';
  }

  /** A character (control characters included) typed at `at` into `target`, whose value was `value`. */
  key(ch: string, at: number, target: EventTarget | null, value: string | null): FrameStep {
    if (!this.active) return PASS;
    if (target !== this.target) {
      this.reset();
      this.target = target;
    }
    this.suffixAt = null;
    const { prefix, suffix } = this.framing;
    const control = isControlChar(ch);

    if (this.capture) {
      this.capture.code += ch;
      if (suffix && this.capture.code.endsWith(suffix)) {
        const scan = { text: this.capture.code.slice(0, -suffix.length), target, before: this.capture.before };
        this.endWithSuffix(at);
        return { kind: 'scan', scan, swallow: control };
      }
      if (this.capture.code.length > MAX_TYPED) this.reset();
      return control ? SWALLOW : PASS;
    }

    this.typed += ch;
    this.befores.push(value);
    if (this.typed.length > MAX_TYPED) {
      this.typed = this.typed.slice(-MAX_TYPED);
      this.befores = this.befores.slice(-MAX_TYPED);
    }
    if (prefix) {
      if (this.typed.endsWith(prefix)) {
        const before = this.befores[this.typed.length - prefix.length] ?? null;
        this.typed = '';
        this.befores = [];
        this.capture = { code: '', before };
        return control ? SWALLOW : PASS;
      }
      return control && endsWithStartOf(this.typed, prefix) ? SWALLOW : PASS;
    }
    // Only a suffix: everything typed here since the last reset is the code.
    if (this.typed.length > suffix.length && this.typed.endsWith(suffix)) {
      const scan = { text: this.typed.slice(0, -suffix.length), target, before: this.befores[0] ?? null };
      this.endWithSuffix(at);
      return { kind: 'scan', scan, swallow: control };
    }
    return control && endsWithStartOf(this.typed, suffix) ? SWALLOW : PASS;
  }

  /** Enter at `at`: the end of a scan that began with the prefix, the scanner's Enter after a suffix, or nothing of ours. */
  enter(at: number): FrameStep {
    const suffixAt = this.suffixAt;
    const capture = this.capture;
    const target = this.target;
    this.reset();
    if (suffixAt !== null && at - suffixAt <= this.enterWithinMs) return SWALLOW;
    // After the prefix, Enter ends the scan even when a suffix was expected: the prefix is proof enough.
    if (capture && capture.code !== '')
      return { kind: 'scan', scan: { text: capture.code, target, before: capture.before }, swallow: false };
    return PASS;
  }

  private endWithSuffix(at: number): void {
    const target = this.target;
    this.reset();
    this.target = target;
    this.suffixAt = at;
  }

  /** Any other key (arrows, Backspace, Tab, Escape), or the focus moved: start over. */
  reset(): void {
    this.typed = '';
    this.befores = [];
    this.target = null;
    this.capture = null;
    this.suffixAt = null;
  }
}
