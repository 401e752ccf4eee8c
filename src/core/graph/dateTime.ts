/** Graph's `innerError.date` has no zone designator (`2023-11-20T21:09:53`); the docs say it is UTC. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Parses a Graph DateTimeOffset leniently. Returns undefined for what means "no time": null, the
 * empty string (the sync service sends `""` in non-nullable quarantine timestamps), unparseable
 * text, and .NET's `DateTime.MinValue` (`0001-01-01T00:00:00Z`), which the sync service uses for
 * "never" in `steadyStateFirstAchievedTime` and friends.
 */
export function parseGraphDateTime(text: string | null | undefined): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const date = new Date(ZONELESS.test(trimmed) ? `${trimmed}Z` : trimmed);
  if (Number.isNaN(date.getTime())) return undefined;
  if (date.getUTCFullYear() <= 1) return undefined;
  return date;
}

/**
 * An OData date literal for `$filter`: ISO 8601 in UTC and, unlike strings, unquoted
 * (`activityDateTime gt 2023-07-30T00:00:00Z`).
 */
export function odataDateTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
