import {
  ACTIVITIES,
  defaultEvent,
  identitySyncEvent,
  partnerEvent,
  provisioningEvent,
  serviceProviderRolesEvent,
} from '../audit/auditEvents';
import { directoryAudit, type AuditActor, type AuditEventInput } from '../audit/directoryAudit';
import { cloneJson, type JsonObject, objectProp, str } from '../json';
import type { Directory } from '../store/directory';
import type { ServicePrincipalRecord } from '../store/records';
import type { CrossTenantAccessSnapshot } from '../store/tenantStore';
import { guidFromName, Rng } from './random';
import { SANDBOX_TENANT_IDS, type SandboxTenant } from './tenants';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far back the directory audit log goes (Entra keeps 30 days). */
const RETENTION = 30 * DAY;

/** The Microsoft Support tenant (baselines-and-history.md §2), a service provider for the length of a support case. */
export const MICROSOFT_SUPPORT_TENANT_ID = 'b4c546a4-7dac-46a6-a7dd-ed822a11efd3';
/** The role Microsoft Support is given for a case (baselines-and-history.md §2). */
const SUPPORT_ROLE = 'Microsoft365SupportEngineer';

/**
 * One change of the seeded history. Updates give the values *before* the change; what came after
 * is the state at that point, so the history always ends exactly at the seeded settings.
 */
type Step =
  | { kind: 'partnerAdd'; ago: number; actor: AuditActor; partner: string }
  | { kind: 'partnerUpdate'; ago: number; actor: AuditActor; partner: string; before: JsonObject }
  | { kind: 'partnerDelete'; ago: number; actor: AuditActor; partner: string; removed: JsonObject }
  | { kind: 'defaultUpdate'; ago: number; actor: AuditActor; before: JsonObject }
  | { kind: 'identitySyncCreate'; ago: number; actor: AuditActor; partner: string }
  | { kind: 'event'; ago: number; event: (at: number) => AuditEventInput };

export interface AuditHistoryContext {
  readonly seed: number;
  readonly anchorMs: number;
  readonly directory: Directory;
  /** The seeded cross-tenant settings of the tenant (the end state of its history). */
  readonly access: CrossTenantAccessSnapshot;
  /** The tenant's seeded service principals (Contoso's sync configurations and their jobs). */
  readonly servicePrincipals: readonly ServicePrincipalRecord[];
}

function userActor(directory: Directory, index: number): AuditActor {
  const u = directory.users[index]?.object ?? directory.users[0].object;
  return {
    user: {
      id: str(u.id),
      displayName: null,
      userPrincipalName: str(u.userPrincipalName),
      ipAddress: null,
    },
  };
}

function appActor(tenantId: string, displayName: string): AuditActor {
  return {
    app: {
      appId: guidFromName(`app:${tenantId}:${displayName}`),
      displayName,
      servicePrincipalId: guidFromName(`sp:${tenantId}:${displayName}`),
      servicePrincipalName: null,
    },
  };
}

/** The documented actor of support-case changes (Entra support-case logging: Application "EntraGDAP"). */
const ENTRA_GDAP: AuditActor = {
  app: {
    appId: null,
    displayName: 'EntraGDAP',
    servicePrincipalId: null,
    servicePrincipalName: null,
  },
};

/** The provisioning service's own changes (quarantine). Sandbox choice: the name the provisioning logs use. */
const PROVISIONING_SERVICE: AuditActor = {
  app: {
    appId: null,
    displayName: 'Azure AD Provisioning Service',
    servicePrincipalId: null,
    servicePrincipalName: null,
  },
};

function allTargets(
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: string,
): JsonObject {
  return { accessType, targets: [{ target, targetType }] };
}

/** The change that sets up and then breaks the Contoso → Tailspin pair: see tenantSteps. */
const TAILSPIN_BREAK_AGO = 6 * DAY;

function syncConfigurationSteps(
  servicePrincipals: readonly ServicePrincipalRecord[],
  admin: AuditActor,
  anchorMs: number,
): Step[] {
  const steps: Step[] = [];
  for (const record of servicePrincipals) {
    const job = record.jobs[0]?.job;
    if (!job || job.templateId !== 'Azure2Azure') continue;
    const sp = {
      id: str(record.servicePrincipal.id),
      displayName: str(record.servicePrincipal.displayName),
    };
    const details = { JobId: str(job.id) };
    const created = anchorMs - Date.parse(str(record.appRoleAssignedTo[0]?.createdDateTime));
    const event =
      (activity: Parameters<typeof provisioningEvent>[0], actor = admin) =>
      (at: number) =>
        provisioningEvent(activity, sp, details, actor, at);
    steps.push(
      { kind: 'event', ago: created - 2 * MINUTE, event: event(ACTIVITIES.provisioningAdd) },
      {
        kind: 'event',
        ago: created - 9 * MINUTE,
        event: event(ACTIVITIES.provisioningCredentials),
      },
      { kind: 'event', ago: created - 31 * MINUTE, event: event(ACTIVITIES.provisioningScope) },
      {
        kind: 'event',
        ago: created - 3 * HOUR + 4 * MINUTE,
        event: event(ACTIVITIES.provisioningStart),
      },
    );
    const quarantine = objectProp(objectProp(job, 'status'), 'quarantine');
    const began = Date.parse(str(quarantine?.seriesBegan));
    if (!Number.isNaN(began))
      steps.push({
        kind: 'event',
        ago: anchorMs - began,
        event: (at) => ({
          ...provisioningEvent(
            ACTIVITIES.provisioningQuarantine,
            sp,
            details,
            PROVISIONING_SERVICE,
            at,
          ),
          additionalDetails: [
            { key: 'JobId', value: str(job.id) },
            { key: 'QuarantineReason', value: str(quarantine?.reason) },
          ],
        }),
      });
  }
  return steps;
}

/** The seeded changes of each tenant over the last 30 days, in any order (they are sorted by time). */
function tenantSteps(tenant: SandboxTenant, context: AuditHistoryContext): Step[] {
  const { directory, anchorMs } = context;
  const admin = userActor(directory, 0);
  const colleague = userActor(
    directory,
    Math.max(
      1,
      directory.users.findIndex((u, i) => i > 0 && u.object.department === 'IT'),
    ),
  );
  const { contoso, fabrikam, northwind, tailspin } = SANDBOX_TENANT_IDS;
  const inboundTrust = (mfa: boolean, compliant: boolean): JsonObject => ({
    isMfaAccepted: mfa,
    isCompliantDeviceAccepted: compliant,
    isHybridAzureADJoinedDeviceAccepted: false,
  });
  switch (tenant.tenantId) {
    case contoso:
      return [
        {
          kind: 'defaultUpdate',
          ago: 29 * DAY + 3 * HOUR,
          actor: admin,
          before: { inboundTrust: inboundTrust(false, false) },
        },
        { kind: 'partnerAdd', ago: 28 * DAY + 2 * HOUR, actor: admin, partner: northwind },
        {
          kind: 'partnerUpdate',
          ago: 28 * DAY + HOUR + 50 * MINUTE,
          actor: admin,
          partner: northwind,
          before: { b2bDirectConnectInbound: null, b2bDirectConnectOutbound: null },
        },
        // A Microsoft support case: Microsoft Support is a service provider until the case closes.
        {
          kind: 'partnerAdd',
          ago: 25 * DAY + 4 * HOUR,
          actor: ENTRA_GDAP,
          partner: MICROSOFT_SUPPORT_TENANT_ID,
        },
        {
          kind: 'event',
          ago: 25 * DAY + 4 * HOUR - MINUTE,
          event: (at) =>
            serviceProviderRolesEvent(
              MICROSOFT_SUPPORT_TENANT_ID,
              [SUPPORT_ROLE],
              true,
              ENTRA_GDAP,
              at,
            ),
        },
        {
          kind: 'partnerUpdate',
          ago: 25 * DAY + 4 * HOUR - 2 * MINUTE,
          actor: ENTRA_GDAP,
          partner: MICROSOFT_SUPPORT_TENANT_ID,
          before: { isServiceProvider: null },
        },
        {
          kind: 'event',
          ago: 18 * DAY + 6 * HOUR,
          event: (at) =>
            serviceProviderRolesEvent(
              MICROSOFT_SUPPORT_TENANT_ID,
              [SUPPORT_ROLE],
              false,
              ENTRA_GDAP,
              at,
            ),
        },
        {
          kind: 'partnerDelete',
          ago: 18 * DAY + 6 * HOUR - MINUTE,
          actor: ENTRA_GDAP,
          partner: MICROSOFT_SUPPORT_TENANT_ID,
          removed: { tenantId: MICROSOFT_SUPPORT_TENANT_ID, isServiceProvider: true },
        },
        { kind: 'partnerAdd', ago: 21 * DAY + 3 * HOUR, actor: admin, partner: tailspin },
        {
          // Contoso turns on automatic redemption outbound to Tailspin, ready for the sync configuration.
          kind: 'partnerUpdate',
          ago: 20 * DAY + 5 * HOUR,
          actor: admin,
          partner: tailspin,
          before: { automaticUserConsentSettings: null },
        },
        {
          kind: 'partnerUpdate',
          ago: 12 * DAY + 2 * HOUR,
          actor: colleague,
          partner: fabrikam,
          before: { inboundTrust: inboundTrust(true, false) },
        },
        ...syncConfigurationSteps(context.servicePrincipals, admin, anchorMs),
      ];
    case tailspin:
      return [
        { kind: 'partnerAdd', ago: 21 * DAY + HOUR, actor: admin, partner: contoso },
        {
          kind: 'partnerUpdate',
          ago: 21 * DAY + 50 * MINUTE,
          actor: admin,
          partner: contoso,
          before: { b2bCollaborationInbound: null },
        },
        { kind: 'identitySyncCreate', ago: 20 * DAY + 6 * HOUR, actor: admin, partner: contoso },
        {
          kind: 'partnerUpdate',
          ago: 20 * DAY + 6 * HOUR - 4 * MINUTE,
          actor: admin,
          partner: contoso,
          before: { automaticUserConsentSettings: null },
        },
        {
          // The break: an hour before Contoso's sync to Tailspin starts failing, Tailspin stops
          // redeeming Contoso's users automatically.
          kind: 'partnerUpdate',
          ago: TAILSPIN_BREAK_AGO + HOUR,
          actor: colleague,
          partner: contoso,
          before: {
            automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
          },
        },
      ];
    case fabrikam:
      return [
        {
          kind: 'partnerUpdate',
          ago: 15 * DAY + 5 * HOUR,
          actor: admin,
          partner: contoso,
          before: { inboundTrust: inboundTrust(true, false) },
        },
        {
          kind: 'partnerUpdate',
          ago: 2 * DAY + 7 * HOUR,
          actor: appActor(fabrikam, 'Fabrikam Identity Automation'),
          partner: contoso,
          before: {
            b2bDirectConnectOutbound: {
              usersAndGroups: allTargets('blocked', 'AllUsers', 'user'),
              applications: allTargets('blocked', 'AllApplications', 'application'),
            },
          },
        },
      ];
    case northwind:
      return [
        { kind: 'partnerAdd', ago: 28 * DAY + HOUR, actor: admin, partner: contoso },
        {
          kind: 'partnerUpdate',
          ago: 28 * DAY + 55 * MINUTE,
          actor: admin,
          partner: contoso,
          before: { b2bDirectConnectInbound: null, b2bDirectConnectOutbound: null },
        },
        {
          kind: 'defaultUpdate',
          ago: 10 * DAY + 4 * HOUR,
          actor: appActor(northwind, 'Northwind Config Pipeline'),
          before: {
            b2bCollaborationInbound: {
              usersAndGroups: allTargets('allowed', 'AllUsers', 'user'),
              applications: allTargets('allowed', 'AllApplications', 'application'),
            },
          },
        },
        {
          kind: 'defaultUpdate',
          ago: 4 * DAY + 2 * HOUR,
          actor: colleague,
          before: { inboundTrust: inboundTrust(true, false) },
        },
      ];
    default:
      return [];
  }
}

/** Sets `key` of `doc` to `value` (null or undefined: not set, as the store keeps documents). */
function assign(doc: JsonObject, values: JsonObject): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete doc[key];
    else doc[key] = cloneJson(value);
  }
}

/**
 * The tenant's directory audit events for its seeded history, newest first: the changes of
 * tenantSteps replayed backwards from the seeded settings, so every event's old and new values
 * match the settings of that moment, and the newest values are what the tenant has now. The
 * Contoso → Tailspin story is in there: Contoso adds Tailspin and turns on outbound redemption,
 * Tailspin allows the pilot group and user sync, and an hour before the sync starts failing
 * (6 days before the anchor) Tailspin turns automatic redemption inbound off; the provisioning
 * service then quarantines Contoso's job. Deterministic from the seed and the anchor.
 */
export function seededDirectoryAudits(
  tenant: SandboxTenant,
  context: AuditHistoryContext,
): JsonObject[] {
  const { anchorMs } = context;
  const rng = new Rng(context.seed, `audits:${tenant.tenantId}`);
  const partners = new Map(
    context.access.partners.map((p) => [str(p.tenantId).toLowerCase(), cloneJson(p)]),
  );
  const syncs = new Map(
    context.access.identitySynchronization.map((s) => [
      str(s.tenantId).toLowerCase(),
      cloneJson(s),
    ]),
  );
  let defaults = cloneJson(context.access.defaultConfiguration);
  const policyId = str(context.access.policy.id);
  const steps = tenantSteps(tenant, context)
    .filter((s) => s.ago > 0 && s.ago < RETENTION)
    .sort((a, b) => a.ago - b.ago);
  const events: JsonObject[] = [];
  for (const step of steps) {
    // Seconds of jitter, less than the minute that separates the closest steps, so order holds.
    const at = anchorMs - step.ago + rng.int(45_000);
    let input: AuditEventInput;
    switch (step.kind) {
      case 'partnerAdd': {
        const created = partners.get(step.partner) ?? { tenantId: step.partner };
        partners.delete(step.partner);
        input = partnerEvent(step.partner, undefined, created, step.actor, at);
        break;
      }
      case 'partnerUpdate': {
        const after = partners.get(step.partner) ?? { tenantId: step.partner };
        const before = cloneJson(after);
        assign(before, step.before);
        partners.set(step.partner, before);
        input = partnerEvent(step.partner, before, after, step.actor, at);
        break;
      }
      case 'partnerDelete':
        partners.set(step.partner, cloneJson(step.removed));
        input = partnerEvent(step.partner, step.removed, undefined, step.actor, at);
        break;
      case 'defaultUpdate': {
        const before = cloneJson(defaults);
        assign(before, step.before);
        input = defaultEvent(policyId, before, defaults, false, step.actor, at);
        defaults = before;
        break;
      }
      case 'identitySyncCreate': {
        const created = syncs.get(step.partner) ?? { tenantId: step.partner };
        syncs.delete(step.partner);
        input = identitySyncEvent(step.partner, undefined, created, step.actor, at);
        break;
      }
      case 'event':
        input = step.event(at);
        break;
    }
    events.push(directoryAudit(input, rng));
  }
  return events;
}
