// The character a key event types, as a keyboard-wedge scanner means it. Scanners send control
// characters (a programmed prefix or suffix such as STX) as Ctrl + a letter: Ctrl+B is U+0002.
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Keys that only modify others: a scanner presses Shift for capitals and Ctrl for control characters. */
export const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** The typed character (control characters included), or null for keys that type none (Enter, arrows, shortcuts with Alt/Meta). */
export function scannedChar(event: KeyLike): string | null {
  if (event.altKey || event.metaKey || event.key.length !== 1) return null;
  if (!event.ctrlKey) return event.key;
  // Ctrl+A..Z, Ctrl+[ \ ] ^ _ : U+0001..U+001F, the ASCII way.
  const cp = event.key.toUpperCase().charCodeAt(0) - 64;
  return cp >= 1 && cp <= 0x1f ? String.fromCharCode(cp) : null;
}
