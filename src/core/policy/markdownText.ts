/**
 * Text from Graph (tenant names, domains; other tenants choose them) placed into Markdown that an
 * editor hover or a README renders. Hostile by assumption: a name such as `[x](javascript:…)`,
 * `<img src=x onerror=…>`, `https://evil.example` or `$(alert)` must come out as the literal
 * characters, never as a link, HTML, an autolink or a theme icon.
 */

/** Control characters and Unicode line/paragraph separators: a name must stay on its line. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of plain text: control characters and line breaks become single spaces, ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Plain text as Markdown that renders as exactly that text. Every ASCII punctuation character is
 * backslash-escaped (CommonMark allows an escape before any of them), which defeats links, images,
 * emphasis, raw HTML, entities, table cell breaks, and the GFM/linkify autolinks (`www.`, `http:`,
 * `a@b`), whose patterns need an unescaped `.`, `:` or `@`; line breaks become spaces so nothing can
 * start a new block.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Text as an inline code span when that is safe and exact (readable in the raw file too), else
 * escaped text. A code span never renders links or HTML; text with a backtick or a `|` (which would
 * split a table cell even inside a span), or with spaces at its ends, falls back to `escapeMarkdown`.
 */
export function inlineCode(text: string): string {
  const line = oneLine(text);
  if (line === '' || /[`|]/.test(line)) return escapeMarkdown(line);
  return `\`${line}\``;
}
