export interface LineBounds {
  /** Lines kept; the rest become one "… and N more" line. */
  readonly maxLines: number;
  /** Characters kept of one line; a longer one ends in "…". */
  readonly maxChars: number;
}

/** What a terminal or a dialog shows of a change list: a 50 MB value must not scroll past the question. */
export const CHANGE_LIST_BOUNDS: LineBounds = { maxLines: 40, maxChars: 240 };

/**
 * A list cut to fit where a person reads it, saying what was left out, so a huge value (a target
 * list of thousands of users, a pasted blob) cannot bury the rest. Characters are counted as code
 * points, so an emoji is never cut in half.
 */
export function boundedLines(
  lines: readonly string[],
  bounds: LineBounds = CHANGE_LIST_BOUNDS,
  more: (hidden: number) => string = (hidden) => `… and ${hidden} more`,
): string[] {
  const shown = lines.slice(0, bounds.maxLines).map((line) => {
    const chars = [...line];
    return chars.length <= bounds.maxChars
      ? line
      : `${chars.slice(0, bounds.maxChars - 1).join('')}…`;
  });
  return lines.length > bounds.maxLines ? [...shown, more(lines.length - bounds.maxLines)] : shown;
}
