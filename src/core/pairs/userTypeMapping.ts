import type { SyncSchema } from '../graph/types';

export type SyncedUserType = 'Member' | 'Guest';

interface AttributeMappingSource {
  type?: string | null;
  name?: string | null;
  expression?: string | null;
  parameters?: unknown[] | null;
}

interface AttributeMappingLike {
  targetAttributeName?: string | null;
  source?: AttributeMappingSource | null;
}

/** The user object mapping's `userType` attribute mapping, wherever the rules put it. */
function userTypeMapping(schema: SyncSchema): AttributeMappingLike | undefined {
  for (const rule of schema.synchronizationRules ?? []) {
    for (const mapping of rule.objectMappings ?? []) {
      if (mapping.sourceObjectName !== 'User') continue;
      const found = (mapping.attributeMappings as AttributeMappingLike[] | null | undefined)?.find(
        (m) => m.targetAttributeName === 'userType',
      );
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * What synced users become in the target: the constant the `userType` mapping writes, `"Member"`
 * by default (sync-facts.md §4b). The constant sits in the expression as a quoted string; `name`
 * is null in the documented schema but read too, in case the service fills it. Undefined when
 * there is no such mapping or it is not a constant (an admin's own expression).
 */
export function userTypeConstant(schema: SyncSchema): string | undefined {
  const source = userTypeMapping(schema)?.source;
  if (source?.type !== 'Constant') return undefined;
  const quoted = /^"(.*)"$/.exec(source.expression?.trim() ?? '');
  return quoted?.[1] ?? source.name ?? undefined;
}

/**
 * The schema with the `userType` mapping set to the constant `userType`, to PUT back whole (there
 * is no PATCH for schemas). Only that mapping's source changes — its flow type (the default
 * `ObjectAddOnly` leaves users that already exist as they are) and the matching attributes stay.
 * Undefined when the schema has no userType mapping to change.
 */
export function withUserType(schema: SyncSchema, userType: SyncedUserType): SyncSchema | undefined {
  const mapping = userTypeMapping(schema);
  if (!mapping) return undefined;
  const copy = structuredClone(schema);
  const target = userTypeMapping(copy)!;
  target.source = {
    ...target.source,
    type: 'Constant',
    name: target.source?.name == null ? null : userType,
    expression: `"${userType}"`,
    parameters: [],
  };
  return copy;
}
