/**
 * The CSS class of a status marker. Statuses come from the log, so only the known ones map to
 * their own class; anything else (a future enum member, garbage) shares the neutral one.
 */
const KNOWN = new Set(['success', 'failure', 'skipped', 'warning']);

export function statusClass(status: string): string {
  const s = status.toLowerCase();
  return `status-${KNOWN.has(s) ? s : 'other'}`;
}
