import { badRequest } from '../errors';

/** Members of the `synchronizationJobRestartScope` flags enum and their values (graph-types.md). */
const MEMBERS: Readonly<Record<string, number>> = {
  None: 0,
  ConnectorDataStore: 1,
  Escrows: 2,
  Watermark: 4,
  QuarantineState: 8,
  Full: 15,
  ForceDeletes: 32,
};

export const RESTART_SCOPE = {
  ConnectorDataStore: 1,
  Escrows: 2,
  Watermark: 4,
  QuarantineState: 8,
  ForceDeletes: 32,
} as const;

/**
 * Parses a flags-enum value sent as one comma-separated string ("Watermark, Escrows,
 * QuarantineState"). Member names are case-sensitive, as in the CSDL; an unknown member is a 400.
 * An empty or null scope is the portal's "Restart provisioning" (quarantine, watermark, escrows).
 */
export function parseRestartScope(value: unknown): number {
  if (value === undefined || value === null || value === '')
    return RESTART_SCOPE.QuarantineState | RESTART_SCOPE.Watermark | RESTART_SCOPE.Escrows;
  if (typeof value !== 'string')
    throw badRequest(
      "Invalid value for 'criteria.resetScope': expected a string of comma-separated synchronizationJobRestartScope members.",
    );
  let flags = 0;
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (!(name in MEMBERS))
      throw badRequest(
        `Invalid value '${name}' in 'criteria.resetScope': expected members of synchronizationJobRestartScope (${Object.keys(MEMBERS).join(', ')}), comma-separated.`,
      );
    flags |= MEMBERS[name];
  }
  return flags;
}
