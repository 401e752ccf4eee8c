import type { Position, Range } from './diagnostic';

/**
 * Offsets (what jsonc-parser reports) to line/character positions (what editors show). Line breaks
 * are \n, \r\n or \r, as in VS Code; characters are UTF-16 code units, as JavaScript strings count.
 */
export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10 /* \n */) i++;
      if (ch === 13 || ch === 10) this.lineStarts.push(i + 1);
    }
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** The whitespace a line starts with; multi-line replacements indent their later lines with it. */
  indentOfLineAt(offset: number): string {
    const start = this.lineStarts[this.positionAt(offset).line];
    return /^[ \t]*/.exec(this.text.slice(start))![0];
  }
}
