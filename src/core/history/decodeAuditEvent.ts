import type { DirectoryAudit } from '../graph/types';
import { GRAPH_TYPES, type GraphTypeName } from '../policy/graphTypes';
import { GUID_TEXT, isGuid } from '../policy/guid';
import {
  HISTORY_CATEGORIES,
  MICROSOFT_SUPPORT_TENANT_ID,
  SUPPORT_CASE_APP,
} from './auditCategories';
import { decodeAuditValue } from './decodeAuditValue';
import type {
  HistoryActor,
  HistoryEntry,
  HistoryOperation,
  HistoryTarget,
  SettingChange,
} from './historyEntry';

type TargetResource = NonNullable<DirectoryAudit['targetResources']>[number];

const GUID_IN_TEXT = new RegExp(GUID_TEXT);

function text(v: string | null | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function actorOf(event: DirectoryAudit): HistoryActor {
  const user = event.initiatedBy?.user;
  const app = event.initiatedBy?.app;
  if (user && (user.id || user.userPrincipalName || user.displayName))
    return {
      kind: 'user',
      id: text(user.id),
      userPrincipalName: text(user.userPrincipalName),
      displayName: text(user.displayName),
    };
  if (app && (app.appId || app.displayName || app.servicePrincipalId))
    return {
      kind: 'app',
      appId: text(app.appId),
      displayName: text(app.displayName),
      servicePrincipalId: text(app.servicePrincipalId),
    };
  return { kind: 'unknown' };
}

function operationOf(event: DirectoryAudit): HistoryOperation {
  const activity = (event.activityDisplayName ?? '').toLowerCase();
  if (activity.startsWith('reset')) return 'reset';
  switch ((event.operationType ?? '').toLowerCase()) {
    case 'add':
    case 'assign':
      return 'add';
    case 'delete':
    case 'unassign':
      return 'delete';
    case 'update':
      return 'update';
  }
  if (/^(add|create)\b/.test(activity)) return 'add';
  if (/^(delete|remove)\b/.test(activity)) return 'delete';
  if (/^update\b/.test(activity)) return 'update';
  return 'other';
}

/** The Graph type whose properties the event's modified properties are. */
function documentType(target: HistoryTarget): GraphTypeName | undefined {
  switch (target.kind) {
    case 'partner':
      return 'crossTenantAccessPolicyConfigurationPartner';
    case 'default':
      return 'crossTenantAccessPolicyConfigurationDefault';
    case 'identitySync':
      return 'crossTenantIdentitySyncPolicyPartner';
    case 'policy':
      return 'crossTenantAccessPolicy';
    default:
      return undefined;
  }
}

/** Properties whose values are plain strings, so a value written without JSON quotes is still readable. */
const SCALAR_PROPERTIES = new Set(['tenantId', 'displayName', 'description']);

function decodeChanges(
  resource: TargetResource | undefined,
  type: GraphTypeName | undefined,
): SettingChange[] {
  const shapes = type ? GRAPH_TYPES[type] : [];
  return (resource?.modifiedProperties ?? []).map((m) => {
    const logged = m.displayName ?? '';
    const shape = shapes.find((s) => s.name.toLowerCase() === logged.toLowerCase());
    const property = shape?.name ?? logged;
    const scalar = SCALAR_PROPERTIES.has(property);
    const before = decodeAuditValue(m.oldValue, shape?.type, scalar);
    const after = decodeAuditValue(m.newValue, shape?.type, scalar);
    return before.ok && after.ok
      ? { property, before: before.value, after: after.value, decoded: true }
      : {
          property,
          before: before.ok ? before.value : before.raw,
          after: after.ok ? after.value : after.raw,
          decoded: false,
        };
  });
}

/**
 * The partner a cross-tenant event is about: the `tenantId` it logs (when a partner is added or
 * deleted), else the tenant named in the target's "CrossTenantAccessPolicy for <tenantId>",
 * unless that names the tenant whose log it is (the log's wording does not say whose tenant it
 * names; the owner is never its own partner). Undefined when the log does not say.
 */
function partnerOf(
  resource: TargetResource | undefined,
  changes: readonly SettingChange[],
  ownTenantId: string,
): string | undefined {
  const logged = changes.find((c) => c.property === 'tenantId' && c.decoded);
  const value = [logged?.after, logged?.before].find(
    (v): v is string => typeof v === 'string' && isGuid(v),
  );
  if (value) return value.toLowerCase();
  const named = GUID_IN_TEXT.exec(resource?.displayName ?? '')?.[0]?.toLowerCase();
  return named && named !== ownTenantId.toLowerCase() ? named : undefined;
}

function targetOf(
  event: DirectoryAudit,
  resource: TargetResource | undefined,
  ownTenantId: string,
): HistoryTarget {
  const category = event.category ?? '';
  const activity = (event.activityDisplayName ?? '').toLowerCase();
  if (category === HISTORY_CATEGORIES.provisioning)
    return {
      kind: 'syncConfiguration',
      servicePrincipalId: text(resource?.id)?.toLowerCase(),
      displayName: text(resource?.displayName),
      jobId: text(event.additionalDetails?.find((d) => d.key?.toLowerCase() === 'jobid')?.value),
    };
  const changes = decodeChanges(resource, undefined);
  if (category === HISTORY_CATEGORIES.serviceProviderConstraints)
    return { kind: 'serviceProvider', partnerTenantId: partnerOf(resource, changes, ownTenantId) };
  if (category === HISTORY_CATEGORIES.identitySync && activity.includes('identity sync'))
    return { kind: 'identitySync', partnerTenantId: partnerOf(resource, changes, ownTenantId) };
  if (activity.includes('default')) return { kind: 'default' };
  if (activity.includes('partner'))
    return { kind: 'partner', partnerTenantId: partnerOf(resource, changes, ownTenantId) };
  if (activity.includes('cross-tenant access policy')) return { kind: 'policy' };
  return { kind: 'other', displayName: text(resource?.displayName) };
}

/** Support-case changes: made by the support-case app, or by an app on the Microsoft Support tenant's entry. */
function isSupport(actor: HistoryActor, target: HistoryTarget): boolean {
  if (actor.kind !== 'app') return false;
  if (actor.displayName === SUPPORT_CASE_APP) return true;
  return 'partnerTenantId' in target && target.partnerTenantId === MICROSOFT_SUPPORT_TENANT_ID;
}

/**
 * A directory audit event of tenant `tenantId` as a history entry: who (user, app, or Microsoft
 * Support for support-case changes), what it targets (partner, default, identity sync, policy,
 * sync configuration), and each modified property decoded (JSON text, numeric accessType, any
 * key casing). Undefined for an event without a usable time or id. Nothing here trusts the event:
 * unknown shapes decode to `other` targets and undecoded changes, never to an exception.
 */
export function decodeAuditEvent(
  event: DirectoryAudit,
  tenantId: string,
): HistoryEntry | undefined {
  const time = new Date(event.activityDateTime ?? '');
  const id = text(event.id);
  if (!id || Number.isNaN(time.getTime())) return undefined;
  const resource =
    event.targetResources?.find((t) => (t.modifiedProperties ?? []).length > 0) ??
    event.targetResources?.[0];
  const target = targetOf(event, resource, tenantId);
  const logged = actorOf(event);
  const actor: HistoryActor = isSupport(logged, target)
    ? { kind: 'microsoftSupport', via: logged.kind === 'app' ? logged.displayName : undefined }
    : logged;
  const details: Record<string, string> = {};
  for (const d of event.additionalDetails ?? [])
    if (typeof d.key === 'string' && typeof d.value === 'string' && !(d.key in details))
      Object.defineProperty(details, d.key, { value: d.value, enumerable: true });
  return {
    id,
    tenantId: tenantId.toLowerCase(),
    time,
    category: event.category ?? '',
    activity: event.activityDisplayName ?? '',
    operation: operationOf(event),
    succeeded: (event.result ?? 'success') === 'success',
    actor,
    target,
    changes: decodeChanges(resource, documentType(target)),
    details,
  };
}
