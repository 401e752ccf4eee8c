/**
 * `Edm.Duration` is a day-time ISO 8601 duration (`PT40M`, `P1DT2H`, `PT5.5S`); years and months
 * are not part of it, so they are rejected rather than guessed.
 */
const DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 day-time duration, or undefined when the text is not one. */
export function parseIsoDuration(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const m = DURATION.exec(trimmed);
  // "P1DT" matches the pattern but a T must be followed by at least one time component.
  if (!m || trimmed.endsWith('T')) return undefined;
  const [, minus, days, hours, minutes, seconds] = m;
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined)
    return undefined;
  const ms =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number(seconds ?? 0) * 1000;
  return minus ? -ms : ms;
}

/** .NET `TimeSpan.MaxValue`, which the sync service sends as the interval of a job with no schedule. */
export const NO_SCHEDULE_INTERVAL = 'P10675199DT2H48M5.4775807S';
const NO_SCHEDULE_DAYS = 10_675_199;

/**
 * The interval of a sync job's schedule in milliseconds, or undefined when the job has no schedule
 * (`TimeSpan.MaxValue`) or the value cannot be read. Comparing against the day count, not the exact
 * text, also catches the same value written with another precision.
 */
export function parseScheduleInterval(text: string | null | undefined): number | undefined {
  const ms = parseIsoDuration(text);
  if (ms === undefined || ms <= 0 || ms >= NO_SCHEDULE_DAYS * 86_400_000) return undefined;
  return ms;
}
