import { stripVTControlCharacters } from 'util';

// C0 and C1 controls and DEL, line and paragraph separators: each would start a new line or drive
// the terminal. Bidirectional controls reorder what is shown (`exe.txt` shown for `txt.exe`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (a Graph message, a tenant or organization name, a file's key) made safe to
 * show as one line in a terminal or a notification: escape sequences removed whole (Node's own
 * stripVTControlCharacters, which knows CSI and OSC), other controls and line breaks become a
 * space, bidirectional controls go.
 */
export function printable(text: string): string {
  return stripVTControlCharacters(text).replace(BIDI, '').replace(BREAKING, ' ');
}

// What JSON.stringify leaves raw that a terminal would still act on.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with those characters written as \u escapes: it parses to the same value. */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text for a surface that shows Markdown's code spans as literal backticks (notifications, modal
 * dialogs, quick picks): `tenantId` becomes "tenantId". Rule messages and core words are written
 * once, for Problems hovers and Markdown reports alike; here they lose the backticks.
 */
export function plainText(text: string): string {
  return text.replace(/`([^`\n]+)`/g, (_, inner: string) =>
    /^".*"$/.test(inner) ? inner : `"${inner}"`,
  );
}

/**
 * printable() and plainText() for a VS Code notification, which also renders `[text](target)` as
 * a link (command links included): a message from outside must not bring its own links, so `](`
 * is broken up.
 */
export function notificationText(text: string): string {
  return plainText(printable(text)).replace(/\]\s*\(/g, '] (');
}
