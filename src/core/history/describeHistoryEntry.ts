import { propertyLabel, summarizeChanges } from '../policy/diffSummary';
import type { DocumentKindId } from '../policy/documentKinds';
import { MICROSOFT_SUPPORT_TENANT_ID } from './auditCategories';
import type { HistoryActor, HistoryEntry, HistoryTarget, SettingChange } from './historyEntry';

/** A tenant's name for people to read, when it is known. */
export type TenantNames = (tenantId: string) => string | undefined;

export interface HistoryWords {
  /** "Changed partner Fabrikam Retail", "Sync of Tailspin Toys quarantined". */
  readonly title: string;
  /** "admin@contoso.com", "app Contoso Config Pipeline", "Microsoft Support (support case)". */
  readonly actor: string;
  /** "B2B collaboration inbound, users and groups: allowed → blocked", one per change. */
  readonly lines: readonly string[];
}

export function actorLabel(actor: HistoryActor): string {
  switch (actor.kind) {
    case 'user':
      return actor.userPrincipalName ?? actor.displayName ?? actor.id ?? 'a user';
    case 'app':
      return `app ${actor.displayName ?? actor.appId ?? actor.servicePrincipalId ?? '(unnamed)'}`;
    case 'microsoftSupport':
      return 'Microsoft Support (support case)';
    case 'unknown':
      return 'unknown';
  }
}

function tenantName(tenantId: string | undefined, names: TenantNames): string {
  if (tenantId === undefined) return 'a partner the log does not name';
  if (tenantId === MICROSOFT_SUPPORT_TENANT_ID) return names(tenantId) ?? 'Microsoft Support';
  return names(tenantId) ?? tenantId;
}

/** The document kind a target's settings belong to, for the change wording. */
function documentKind(target: HistoryTarget): DocumentKindId | undefined {
  switch (target.kind) {
    case 'partner':
      return 'partner';
    case 'default':
      return 'default';
    case 'identitySync':
      return 'identitySync';
    case 'policy':
      return 'policy';
    default:
      return undefined;
  }
}

const SYNC_ACTIVITIES: Readonly<Record<string, (name: string) => string>> = {
  'Add provisioning configuration': (n) => `Created the sync job of ${n}`,
  'Delete provisioning configuration': (n) => `Deleted the sync job of ${n}`,
  'Enable/start provisioning configuration': (n) => `Started sync of ${n}`,
  'Disable/pause provisioning configuration': (n) => `Paused sync of ${n}`,
  'Enable/restart provisioning configuration': (n) => `Restarted sync of ${n}`,
  'Update provisioning setting or credentials': (n) =>
    `Changed the credentials or settings of ${n}`,
  'Update attribute mappings or scope': (n) => `Changed the attribute mappings or scope of ${n}`,
  Quarantine: (n) => `Sync of ${n} quarantined`,
};

function title(entry: HistoryEntry, names: TenantNames): string {
  const { target, operation } = entry;
  const verb = (add: string, change: string, remove: string): string =>
    operation === 'add' ? add : operation === 'delete' ? remove : change;
  switch (target.kind) {
    case 'partner': {
      if (target.partnerTenantId === MICROSOFT_SUPPORT_TENANT_ID)
        return verb(
          'Microsoft Support added as a service provider',
          "Changed Microsoft Support's service-provider settings",
          'Microsoft Support removed as a service provider',
        );
      const name = tenantName(target.partnerTenantId, names);
      return verb(`Added partner ${name}`, `Changed partner ${name}`, `Removed partner ${name}`);
    }
    case 'identitySync': {
      const name = tenantName(target.partnerTenantId, names);
      return verb(
        `Set up identity synchronization from ${name}`,
        `Changed identity synchronization from ${name}`,
        `Removed identity synchronization from ${name}`,
      );
    }
    case 'serviceProvider': {
      const name = tenantName(target.partnerTenantId, names);
      return verb(
        `Gave ${name} assignable roles`,
        `Changed the roles of ${name}`,
        `Took the roles of ${name} away`,
      );
    }
    case 'default':
      return operation === 'reset'
        ? "Reset the default settings to Microsoft's defaults"
        : 'Changed the default settings';
    case 'policy':
      return 'Changed the cross-tenant access policy';
    case 'syncConfiguration': {
      const name = target.displayName ?? target.servicePrincipalId ?? 'a sync configuration';
      return SYNC_ACTIVITIES[entry.activity]?.(name) ?? `${entry.activity} (${name})`;
    }
    case 'other':
      return entry.activity || 'A change the log does not describe';
  }
}

function undecodedLine(change: SettingChange): string {
  const label = propertyLabel(change.property);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}: changed (the log's value could not be read)`;
}

function listLines(change: SettingChange): string[] {
  const was = Array.isArray(change.before) ? change.before.map(String) : [];
  const now = Array.isArray(change.after) ? change.after.map(String) : [];
  return [
    ...now.filter((v) => !was.includes(v)).map((v) => `+ ${v}`),
    ...was.filter((v) => !now.includes(v)).map((v) => `− ${v}`),
  ];
}

function lines(entry: HistoryEntry): string[] {
  const kind = documentKind(entry.target);
  const changes = entry.changes.filter((c) => c.property !== 'tenantId');
  const out: string[] = changes.filter((c) => !c.decoded).map(undecodedLine);
  const decoded = changes.filter((c) => c.decoded);
  if (kind && entry.operation !== 'delete') {
    const before = Object.fromEntries(decoded.map((c) => [c.property, c.before]));
    const after = Object.fromEntries(decoded.map((c) => [c.property, c.after]));
    out.unshift(...summarizeChanges(kind, before, after));
  } else if (entry.target.kind === 'serviceProvider') {
    out.unshift(...decoded.flatMap(listLines));
  }
  const reason = entry.details.QuarantineReason;
  if (entry.target.kind === 'syncConfiguration' && reason) out.push(`Reason: ${reason}`);
  return out;
}

/**
 * A history entry in words for the History view and the time line: what happened to what, who did
 * it, and each setting's change decoded ("B2B collaboration inbound, users and groups: allowed →
 * blocked"). Tenants are named through `names`; the Microsoft Support tenant is named as such.
 */
export function describeHistoryEntry(entry: HistoryEntry, names: TenantNames): HistoryWords {
  const head = title(entry, names);
  return {
    title: entry.succeeded ? head : `Failed: ${head}`,
    actor: actorLabel(entry.actor),
    lines: lines(entry),
  };
}
