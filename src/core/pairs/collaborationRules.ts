import { accessLevel } from '../policy/accessSummary';
import { partnerFix, type PairFinding } from './pairFinding';
import {
  configurationNames,
  directions,
  effectiveIn,
  partnerEntry,
  syncsFrom,
  type PairRule,
  type SideView,
  type SyncView,
} from './pairView';
import {
  blocksAllApplications,
  syncedUsersVerdict,
  type TargetConfiguration,
} from './syncedUsersAccess';
import type { SyncAssignment } from './tenantSide';

interface B2BSetting {
  usersAndGroups?: TargetConfiguration | null;
  applications?: TargetConfiguration | null;
}

/** The assigned users and groups of every configuration, or undefined when any of them was not loaded. */
function assignmentsOf(syncs: readonly SyncView[]): SyncAssignment[] | undefined {
  const all: SyncAssignment[] = [];
  for (const s of syncs) {
    if (!s.configuration.assignments) return undefined;
    all.push(...s.configuration.assignments);
  }
  return all;
}

/** One side's B2B collaboration setting towards the other, checked for the synced users and for applications. */
function checkCollaboration(
  direction: 'inbound' | 'outbound',
  tenant: SideView,
  other: SideView,
  syncs: readonly SyncView[],
): PairFinding[] {
  const settings = effectiveIn(tenant, other);
  if (!settings) return [];
  const key = direction === 'inbound' ? 'b2bCollaborationInbound' : 'b2bCollaborationOutbound';
  const current = (settings[key].value ?? {}) as B2BSetting;
  const names = configurationNames(syncs);
  const hasEntry = partnerEntry(tenant, other) !== undefined;
  const base = { tenantId: tenant.tenantId, partnerTenantId: other.tenantId };
  const findings: PairFinding[] = [];
  const users = `${key}.usersAndGroups`;
  const verdict = syncedUsersVerdict(current.usersAndGroups, assignmentsOf(syncs));
  if (verdict) {
    const id =
      direction === 'inbound' ? 'b2bInboundBlocksSyncedUsers' : 'b2bOutboundBlocksSyncedUsers';
    const who =
      direction === 'inbound'
        ? `users and groups of ${other.name} for B2B collaboration`
        : `users and groups to collaborate with ${other.name}`;
    let severity: PairFinding['severity'];
    let message: string;
    switch (verdict.kind) {
      case 'allBlocked':
        severity = 'error';
        message =
          direction === 'inbound'
            ? `${tenant.name} blocks B2B collaboration for every user of ${other.name} (${users}), so users synced by ${names} cannot be invited.`
            : `${tenant.name} blocks B2B collaboration with ${other.name} for all its users (${users}), so users synced by ${names} cannot be invited.`;
        break;
      case 'outsideAllowList':
        severity = 'warning';
        message = `${tenant.name} allows only listed ${who} (${users}); ${verdict.principals.length} assigned to ${names} are not listed and are blocked unless a listed group covers them.`;
        break;
      case 'allowListUnknown':
        severity = 'warning';
        message = `${tenant.name} allows only listed ${who} (${users}); users synced by ${names} outside the list are blocked.`;
        break;
      case 'blockListed':
        severity = 'error';
        message = `${tenant.name} blocks ${verdict.principals.length} of the users and groups assigned to ${names} for B2B collaboration (${users}).`;
        break;
    }
    findings.push({
      ...base,
      id,
      severity,
      setting: users,
      message,
      ...(verdict.kind !== 'allowListUnknown' && verdict.allowSynced
        ? {
            fix: partnerFix(hasEntry, other.tenantId, {
              [key]: {
                usersAndGroups: verdict.allowSynced,
                ...(current.applications ? { applications: current.applications } : {}),
              },
            }),
          }
        : {}),
    });
  }
  if (blocksAllApplications(current.applications)) {
    findings.push({
      ...base,
      id:
        direction === 'inbound' ? 'b2bInboundBlocksApplications' : 'b2bOutboundBlocksApplications',
      severity: 'error',
      setting: `${key}.applications`,
      message:
        direction === 'inbound'
          ? `${tenant.name} blocks every application for B2B collaboration with ${other.name} (${key}.applications), so users synced by ${names} can use nothing in ${tenant.name}.`
          : `${tenant.name} blocks every application of ${other.name} for B2B collaboration (${key}.applications), so users synced by ${names} can use nothing there.`,
    });
  }
  return findings;
}

/**
 * Synced users are B2B collaboration users of the target: the target's inbound and the source's
 * outbound B2B collaboration settings must let them (and some application) through. Only checked
 * where a configuration syncs; without one, blocking collaboration is a policy of its own.
 */
export const syncedUsersCollaboration: PairRule = (pair) =>
  directions(pair).flatMap(([source, target]) => {
    const syncs = syncsFrom(pair, source);
    if (syncs.length === 0) return [];
    return [
      ...checkCollaboration('inbound', target, source, syncs),
      ...checkCollaboration('outbound', source, target, syncs),
    ];
  });

/** Direct connect is on when the setting lets some users reach some applications. */
function directConnectOn(setting: Parameters<typeof accessLevel>[0]): boolean {
  const level = accessLevel(setting);
  return level === 'allowed' || level === 'partial';
}

const ALLOW_ALL = {
  usersAndGroups: { accessType: 'allowed', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'allowed',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

/**
 * B2B direct connect (Teams shared channels) works only when the one tenant allows it outbound and
 * the other inbound; one side alone does nothing, which usually means the other admin has not
 * done their half yet. The warning goes to the side that blocks.
 */
export const directConnect: PairRule = (pair) => {
  const findings: PairFinding[] = [];
  for (const [from, to] of directions(pair)) {
    const fromSettings = effectiveIn(from, to);
    const toSettings = effectiveIn(to, from);
    if (!fromSettings || !toSettings) continue;
    const outbound = directConnectOn(fromSettings.b2bDirectConnectOutbound.value);
    const inbound = directConnectOn(toSettings.b2bDirectConnectInbound.value);
    if (outbound && !inbound) {
      findings.push({
        id: 'directConnectInboundBlocked',
        severity: 'warning',
        tenantId: to.tenantId,
        partnerTenantId: from.tenantId,
        setting: 'b2bDirectConnectInbound',
        message: `${from.name} allows B2B direct connect to ${to.name} (b2bDirectConnectOutbound), but ${to.name} blocks it inbound (b2bDirectConnectInbound); direct connect needs both.`,
        fix: partnerFix(partnerEntry(to, from) !== undefined, from.tenantId, {
          b2bDirectConnectInbound: ALLOW_ALL,
        }),
      });
    } else if (!outbound && inbound) {
      findings.push({
        id: 'directConnectOutboundBlocked',
        severity: 'warning',
        tenantId: from.tenantId,
        partnerTenantId: to.tenantId,
        setting: 'b2bDirectConnectOutbound',
        message: `${to.name} allows B2B direct connect from ${from.name} (b2bDirectConnectInbound), but ${from.name} blocks it outbound (b2bDirectConnectOutbound); direct connect needs both.`,
        fix: partnerFix(partnerEntry(from, to) !== undefined, to.tenantId, {
          b2bDirectConnectOutbound: ALLOW_ALL,
        }),
      });
    }
  }
  return findings;
};
