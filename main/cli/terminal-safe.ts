/**
 * Text from files (area names, headers, sheet names) reaches the terminal in the CLI's messages. A
 * control character in it could ring the bell, clear the screen or move the cursor (ESC sequences),
 * and a bidirectional override (U+202E) could make a line read differently from what it says. Such
 * characters are shown as `\uXXXX` escapes instead: the same form JSON uses, so `--json` output
 * stays valid JSON with the same strings. Newlines, tabs and CRLF line ends are the CLI's own layout and pass.
 */
// C0 controls but tab, newline and a carriage return ending a line (CSV for Excel ends lines with
// CRLF), DEL, C1 controls, and the invisible direction marks and overrides.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
