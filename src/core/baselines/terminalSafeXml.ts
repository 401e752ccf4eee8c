// What XML may hold and a terminal or editor still acts on: C1 controls and DEL, line and
// paragraph separators, bidirectional controls (the set core/printable's terminalSafeJson escapes).
const XML_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** XML text with those characters written as character references: it parses to the same document. */
export function terminalSafeXml(xml: string): string {
  return xml.replace(XML_UNSAFE, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
