/**
 * Flags enums (`resetScope`, `flowTypes`, `signInAccessType`, `templateApplicationLevel`) travel as
 * one string of members separated by comma and space: `"Watermark, Escrows, QuarantineState"`.
 */

/** The members of a flags string, trimmed and de-duplicated; with `known`, spelled as the enum spells them. Unknown members are kept (enums evolve). */
export function parseFlags(
  text: string | null | undefined,
  known: readonly string[] = [],
): string[] {
  const canonical = new Map(known.map((m) => [m.toLowerCase(), m]));
  const members: string[] = [];
  for (const part of (text ?? '').split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const member = canonical.get(trimmed.toLowerCase()) ?? trimmed;
    if (!members.includes(member)) members.push(member);
  }
  return members;
}

/** The wire form of a set of members. */
export function formatFlags(members: Iterable<string>): string {
  return [...new Set(members)].join(', ');
}

/** `synchronizationJobRestartScope` (graph-types.md §D): `Full` is the first four together. */
export const RESET_SCOPE_MEMBERS = [
  'None',
  'ConnectorDataStore',
  'Escrows',
  'Watermark',
  'QuarantineState',
  'Full',
  'ForceDeletes',
] as const;
export type ResetScopeMember = (typeof RESET_SCOPE_MEMBERS)[number];

/**
 * The `resetScope` string for a restart. `None` only stands alone (it is the zero value, so next to
 * other members it means nothing); an empty list is `None`.
 */
export function formatResetScope(members: readonly ResetScopeMember[]): string {
  for (const m of members) {
    if (!(RESET_SCOPE_MEMBERS as readonly string[]).includes(m))
      throw new Error(`Unknown resetScope member "${String(m)}".`);
  }
  const meaningful = members.filter((m) => m !== 'None');
  return meaningful.length === 0 ? 'None' : formatFlags(meaningful);
}
