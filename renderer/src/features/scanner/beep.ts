// A short sound for scan results, so an operator looking at the parcel hears a refusal.
// WebAudio tones: nothing to load, nothing to ship.
let audio: AudioContext | null = null;

function tone(context: AudioContext, frequency: number, start: number, seconds: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.08, context.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + start + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(context.currentTime + start);
  oscillator.stop(context.currentTime + start + seconds);
}

/** ok: one short high tone; error: two low ones. Silent where audio is unavailable. */
export function beep(kind: 'ok' | 'error'): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    if (kind === 'ok') {
      tone(audio, 1320, 0, 0.07);
    } else {
      tone(audio, 220, 0, 0.16);
      tone(audio, 220, 0.22, 0.16);
    }
  } catch {
    // No audio device: the visible message still says it.
  }
}
