import * as path from 'path';
import { loadBaselinePacks } from '../../../../src/core/baselines/baselinePack';
import { type BaselinePack } from '../../../../src/core/baselines/baselineRule';
import type {
  BaselineSourceId,
  SourceState,
  TenantBaselineData,
} from '../../../../src/core/baselines/baselineSources';
import type { JsonRecord } from '../../../../src/core/policy/documentPaths';

/** The repository root: the extension's folder, where baselines/ and schemas/ are. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

let cached: BaselinePack[] | undefined;
/** Every shipped pack, loaded once. */
export function shippedPacks(): BaselinePack[] {
  cached ??= loadBaselinePacks(ROOT);
  return cached;
}

export const ROLE = {
  member: 'a0b1b346-4d3e-4e8b-98f8-753987be4970',
  guest: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
  restricted: '2af84b1e-32c8-42b7-82bc-daa82404023b',
} as const;

type Access = 'allowed' | 'blocked';

/** A B2B setting that applies `access` to all users and all applications. */
export function allOf(access: Access, apps = 'AllApplications'): JsonRecord {
  return {
    usersAndGroups: { accessType: access, targets: [{ target: 'AllUsers', targetType: 'user' }] },
    applications: { accessType: access, targets: [{ target: apps, targetType: 'application' }] },
  };
}

/** Microsoft's service default for the default settings, with changes on top. */
export function defaults(changes: JsonRecord = {}): JsonRecord {
  return {
    inboundTrust: {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: false,
      isHybridAzureADJoinedDeviceAccepted: false,
    },
    b2bCollaborationInbound: allOf('allowed'),
    b2bCollaborationOutbound: allOf('allowed'),
    b2bDirectConnectInbound: allOf('blocked'),
    b2bDirectConnectOutbound: allOf('blocked'),
    tenantRestrictions: { ...allOf('blocked'), devices: null },
    ...changes,
  };
}

export function authorization(allowInvitesFrom: string, guestUserRoleId: string): JsonRecord {
  return { id: 'authorizationPolicy', allowInvitesFrom, guestUserRoleId };
}

/** The B2B management policy as readBaselineData gives it (definition parsed). */
export function b2b(domains: { AllowedDomains?: string[]; BlockedDomains?: string[] }): JsonRecord {
  return {
    id: 'b2b',
    definition: { B2BManagementPolicy: { InvitationsAllowedAndBlockedDomainsPolicy: domains } },
  };
}

export const POLICY = {
  id: '11111111-2222-4333-8444-555555555555',
  displayName: 'CrossTenantAccessPolicy',
};

export function available(value: JsonRecord): SourceState {
  return { state: 'available', value };
}

export function tenant(
  sources: Partial<Record<BaselineSourceId, JsonRecord | SourceState>>,
  tenantId = '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60',
): TenantBaselineData {
  return {
    tenantId,
    displayName: 'Woodgrove Bank',
    folder: 'woodgrovebank.onmicrosoft.com',
    sources: Object.fromEntries(
      Object.entries(sources).map(([key, value]) => [
        key,
        'state' in (value as object) ? (value as SourceState) : available(value as JsonRecord),
      ]),
    ),
  };
}

export function rule(key: string): BaselinePack['rules'][number] {
  const [packVersion, id] = key.split('/');
  const [pack, version] = packVersion.split('@');
  const found = shippedPacks()
    .find((p) => p.pack === pack && p.version === version)
    ?.rules.find((r) => r.id === id);
  if (!found) throw new Error(`No shipped rule ${key}`);
  return found;
}
