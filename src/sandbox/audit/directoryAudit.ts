import type { JsonObject } from '../json';
import type { ModifiedProperty } from './auditValue';

/** `auditActivityInitiator`: a user or an app; the other member is null, as the documented samples show. */
export type AuditActor =
  | {
      readonly user: {
        readonly id: string | null;
        readonly displayName: string | null;
        readonly userPrincipalName: string | null;
        readonly ipAddress: string | null;
      };
    }
  | {
      readonly app: {
        readonly appId: string | null;
        readonly displayName: string | null;
        readonly servicePrincipalId: string | null;
        readonly servicePrincipalName: string | null;
      };
    };

export interface AuditTarget {
  readonly id: string | null;
  readonly displayName: string | null;
  /** `Policy`, `ServicePrincipal`, `Other`, … */
  readonly type: string;
  readonly modifiedProperties: readonly ModifiedProperty[];
}

/** What one audit event says, before ids are drawn. */
export interface AuditEventInput {
  readonly at: number;
  readonly category: string;
  readonly activity: string;
  readonly operationType: 'Add' | 'Update' | 'Delete' | 'Assign' | 'Unassign' | 'Other';
  readonly loggedByService: string;
  readonly actor: AuditActor;
  readonly targets: readonly AuditTarget[];
  readonly additionalDetails?: readonly { readonly key: string; readonly value: string }[];
}

/** Random draws for an event's ids: a GUID and a small integer; seeded history passes its Rng. */
export interface IdSource {
  guid(): string;
  int(max: number): number;
}

const ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * A v1.0 `directoryAudit` (only v1.0 names). The id has the shape real Core Directory events
 * show (`Directory_<correlationId>_<5 characters>_<number>`); `result` is always success, as a
 * sandbox write that fails is not logged (sandbox choice).
 */
export function directoryAudit(input: AuditEventInput, ids: IdSource): JsonObject {
  const correlationId = ids.guid();
  const suffix = Array.from({ length: 5 }, () => ID_LETTERS[ids.int(ID_LETTERS.length)]).join('');
  const prefix = input.loggedByService === 'Core Directory' ? 'Directory' : 'Provisioning';
  const actor = input.actor;
  return {
    id: `${prefix}_${correlationId}_${suffix}_${100_000_000 + ids.int(900_000_000)}`,
    category: input.category,
    correlationId,
    result: 'success',
    resultReason: '',
    activityDisplayName: input.activity,
    activityDateTime: new Date(input.at).toISOString(),
    loggedByService: input.loggedByService,
    operationType: input.operationType,
    initiatedBy:
      'user' in actor
        ? { user: { ...actor.user }, app: null }
        : { app: { ...actor.app }, user: null },
    targetResources: input.targets.map((t) => ({
      id: t.id,
      displayName: t.displayName,
      type: t.type,
      userPrincipalName: null,
      groupType: null,
      modifiedProperties: t.modifiedProperties.map((m) => ({ ...m })),
    })),
    additionalDetails: (input.additionalDetails ?? []).map((d) => ({ key: d.key, value: d.value })),
  };
}
