/**
 * The guest roles `authorizationPolicy.guestUserRoleId` can name (Graph's authorizationPolicy
 * resource documents these three role template ids), so a person reads a role, not a GUID.
 */
const GUEST_ROLES: Readonly<Record<string, string>> = {
  'a0b1b346-4d3e-4e8b-98f8-753987be4970': 'User (same access as members)',
  '10dae51f-b6af-4016-8d66-8c2a99b929b3': 'Guest User (limited access)',
  '2af84b1e-32c8-42b7-82bc-daa82404023b': 'Restricted Guest User',
};

/** A value as a person reads it in a finding: JSON, with the name of a known guest role added. */
export function valueLabel(path: string, value: unknown): string {
  if (value === undefined) return 'not set';
  const text = JSON.stringify(value);
  const role =
    path === 'guestUserRoleId' && typeof value === 'string'
      ? GUEST_ROLES[value.toLowerCase()]
      : undefined;
  return role ? `${role} (${text})` : text;
}
