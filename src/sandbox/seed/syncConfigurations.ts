import { str, type JsonObject } from '../json';
import type { Directory } from '../store/directory';
import type { ProvisioningEventSpec, SecretPair, ServicePrincipalRecord } from '../store/records';
import type { World } from '../store/world';
import {
  crossTenantSyncServicePrincipal,
  NON_GALLERY_TEMPLATE_ID,
  servicePrincipalObject,
} from '../sync/servicePrincipalObjects';
import {
  checkCrossTenantSync,
  describeSyncProblems,
  SYNC_POLICY_CHECK_FAILURE,
} from '../sync/syncPolicyCheck';
import { FABRIKAM_SYNC_GROUP_ID, TAILSPIN_PILOT_GROUP_ID } from './crossTenantAccess';
import { simulateHistory } from './provisioningHistory';
import { guidFromName, Rng } from './random';
import { SANDBOX_TENANT_IDS } from './tenants';

const DAY = 24 * 3_600_000;

/** A cross-tenant sync configuration (service principal + job) in a source tenant. */
export interface SandboxSyncConfiguration {
  readonly displayName: string;
  readonly sourceTenantId: string;
  readonly targetTenantId: string;
  readonly servicePrincipalId: string;
  readonly appId: string;
  /** The id of the `msiam_access` app role: the appRoleId of user and group assignments. */
  readonly appRoleId: string;
  readonly jobId: string;
  /** The group assigned to the configuration. */
  readonly assignedGroupId: string;
}

/** The seeded configurations in Contoso Group: Fabrikam is healthy, Tailspin is quarantined. */
export const SANDBOX_SYNC_CONFIGURATIONS = {
  fabrikam: {
    displayName: 'Fabrikam Retail',
    sourceTenantId: SANDBOX_TENANT_IDS.contoso,
    targetTenantId: SANDBOX_TENANT_IDS.fabrikam,
    servicePrincipalId: 'b3e1c7a9-52d4-4a8e-9f16-0c2d7e5b4a31',
    appId: '6d2f9e41-8c3b-4b5a-a7e0-4f1c9d2b8e67',
    appRoleId: 'f1a4c8e2-7b39-4d65-9e0a-2c5b8d3f7a14',
    jobId: 'Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.8c5e2b71-3d9f-4a06-b1e4-6f7a0c3d9e52',
    assignedGroupId: FABRIKAM_SYNC_GROUP_ID,
  },
  tailspin: {
    displayName: 'Tailspin Toys',
    sourceTenantId: SANDBOX_TENANT_IDS.contoso,
    targetTenantId: SANDBOX_TENANT_IDS.tailspin,
    servicePrincipalId: 'e7d2a5c8-16f3-4b9e-8a47-3d0c6b1f9e25',
    appId: '0a9b4d7e-2f61-4c38-b5d2-8e1a7f3c6b09',
    appRoleId: 'a2c7e9f4-5b18-4e3d-9c60-7d4b1a8e2f53',
    jobId: 'Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.d4a1f8c3-7e25-4b90-a6c2-1e9b5d3f8a76',
    assignedGroupId: TAILSPIN_PILOT_GROUP_ID,
  },
} as const satisfies Record<string, SandboxSyncConfiguration>;

/** A gallery app with its own provisioning template (not cross-tenant sync), so the template filter has something to exclude. */
export const SANDBOX_BOX_SERVICE_PRINCIPAL_ID = '5c8e1a3f-9d72-4b64-a0e5-2f7b3d9c6e18';

/** appRoleAssignment ids are not GUIDs but base64url strings (graph-api.md §6 step 8): the principal id plus random bytes. */
export function appRoleAssignmentId(principalId: string, randomByte: () => number): string {
  const bytes = Buffer.alloc(32);
  Buffer.from(principalId.replace(/-/g, ''), 'hex').copy(bytes, 0);
  for (let i = 16; i < 32; i++) bytes[i] = randomByte();
  return bytes.toString('base64url');
}

export function appRoleAssignment(f: {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  principal: JsonObject;
  principalType: 'User' | 'Group';
  resource: JsonObject;
}): JsonObject {
  return {
    id: f.id,
    deletedDateTime: null,
    appRoleId: f.appRoleId,
    createdDateTime: f.createdDateTime,
    principalDisplayName: f.principal.displayName,
    principalId: f.principal.id,
    principalType: f.principalType,
    resourceDisplayName: f.resource.displayName,
    resourceId: f.resource.id,
  };
}

export function microsoftGraphServicePrincipal(tenantId: string): ServicePrincipalRecord {
  return {
    servicePrincipal: servicePrincipalObject({
      id: guidFromName(`sp:microsoft-graph:${tenantId}`),
      appId: '00000003-0000-0000-c000-000000000000',
      displayName: 'Microsoft Graph',
      appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
      applicationTemplateId: null,
    }),
    synchronizationTemplates: [],
    jobs: [],
    secrets: [],
    appRoleAssignedTo: [],
  };
}

function syncSecrets(targetTenantId: string): SecretPair[] {
  return [
    { key: 'AuthenticationType', value: 'SyncPolicy' },
    { key: 'CompanyId', value: targetTenantId },
    {
      key: 'SyncNotificationSettings',
      value: JSON.stringify({
        Enabled: true,
        Recipients: 'identity-ops@contoso.com',
        DeleteThresholdEnabled: true,
        DeleteThresholdValue: 500,
        HumanResourcesLookaheadQueryEnabled: false,
      }),
    },
    { key: 'SyncAll', value: 'false' },
  ];
}

export interface SeededApplications {
  readonly servicePrincipals: ServicePrincipalRecord[];
  readonly provisioningSpecs: ProvisioningEventSpec[];
}

/**
 * Contoso's applications: Microsoft Graph, a Box gallery app, an in-house app, and the two
 * cross-tenant sync configurations with their assignments, secrets, jobs and simulated history.
 * Needs the world because the quarantined job's error is the pair's live policy check.
 */
export function seedContosoApplications(
  world: World,
  directory: Directory,
  seed: number,
  anchorMs: number,
): SeededApplications {
  const contoso = SANDBOX_TENANT_IDS.contoso;
  const rng = new Rng(seed, 'contoso-applications');
  const admin = directory.users[0].object;
  const records: ServicePrincipalRecord[] = [microsoftGraphServicePrincipal(contoso)];
  records.push({
    servicePrincipal: servicePrincipalObject({
      id: SANDBOX_BOX_SERVICE_PRINCIPAL_ID,
      appId: 'e3b0f6a2-4d19-4c87-9a5e-1f2c8d7b6a90',
      displayName: 'Box',
      appOwnerOrganizationId: 'b1d7e4a8-3f26-4c90-8e5b-7a2d9c1f0e63',
      applicationTemplateId: '7c1f4b8e-2a95-4d36-b0e7-9f3a6c2d8e14',
      appRoleAssignmentRequired: true,
    }),
    synchronizationTemplates: ['BoxOutDelta'],
    jobs: [],
    secrets: [],
    appRoleAssignedTo: [],
  });
  records.push({
    servicePrincipal: servicePrincipalObject({
      id: '9e4b2d7a-1c58-4f63-a8d0-6b3e7f1c5a29',
      appId: '2c6a9f13-7e48-4b05-9d2c-8a1f6e3b7d40',
      displayName: 'Contoso Expense Portal',
      appOwnerOrganizationId: contoso,
      applicationTemplateId: NON_GALLERY_TEMPLATE_ID,
      description: 'Travel and expense claims',
    }),
    synchronizationTemplates: [],
    jobs: [],
    secrets: [],
    appRoleAssignedTo: [],
  });

  const specs: ProvisioningEventSpec[] = [];
  for (const config of Object.values(SANDBOX_SYNC_CONFIGURATIONS)) {
    const sp = crossTenantSyncServicePrincipal({
      id: config.servicePrincipalId,
      appId: config.appId,
      displayName: config.displayName,
      tenantId: contoso,
      roleId: config.appRoleId,
    });
    const healthy = config.targetTenantId === SANDBOX_TENANT_IDS.fabrikam;
    const startMs = healthy ? anchorMs - 30 * DAY + 2 * 3_600_000 : anchorMs - 20 * DAY;
    const created = new Date(startMs - 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const group = directory.groupsById.get(config.assignedGroupId)!;
    const assignments = [
      appRoleAssignment({
        id: appRoleAssignmentId(config.assignedGroupId, () => rng.int(256)),
        appRoleId: config.appRoleId,
        createdDateTime: created,
        principal: group.object,
        principalType: 'Group',
        resource: sp,
      }),
    ];
    if (healthy) {
      // Two users assigned directly as well, as admins do for pilots outside the group.
      const direct = directory.users
        .filter(
          (u) =>
            u.object.userType === 'Member' &&
            !group.memberIds.includes(str(u.object.id)) &&
            u.object.accountEnabled !== false &&
            !u.smsSignIn,
        )
        .slice(1, 3);
      for (const u of direct)
        assignments.push(
          appRoleAssignment({
            id: appRoleAssignmentId(str(u.object.id), () => rng.int(256)),
            appRoleId: config.appRoleId,
            createdDateTime: created,
            principal: u.object,
            principalType: 'User',
            resource: sp,
          }),
        );
    }
    const scope = new Set<string>(group.memberIds);
    for (const a of assignments) if (a.principalType === 'User') scope.add(str(a.principalId));
    const problems = checkCrossTenantSync(world, contoso, config.targetTenantId);
    const history = simulateHistory(
      {
        jobId: config.jobId,
        servicePrincipalId: config.servicePrincipalId,
        servicePrincipalName: config.displayName,
        applicationId: config.appId,
        targetTenantId: config.targetTenantId,
        scope,
        scopeGroupId: config.assignedGroupId,
        startMs,
        ...(problems.length > 0
          ? {
              breakMs: anchorMs - 6 * DAY,
              policyError: {
                code: SYNC_POLICY_CHECK_FAILURE,
                message: describeSyncProblems(problems),
                tenantActionable: true,
              },
            }
          : {}),
        volume: healthy ? 1.6 : 0.6,
        admin: { id: str(admin.id), userPrincipalName: str(admin.userPrincipalName) },
      },
      directory,
      seed,
      anchorMs,
    );
    specs.push(...history.specs);
    records.push({
      servicePrincipal: sp,
      synchronizationTemplates: ['Azure2Azure'],
      jobs: [
        {
          job: history.job,
          schema: null,
          provisionedUserIds: history.provisionedUserIds,
          nextCycleAt: history.nextCycleAt,
          initialCycle: false,
        },
      ],
      secrets: syncSecrets(config.targetTenantId),
      appRoleAssignedTo: assignments,
    });
  }
  return { servicePrincipals: records, provisioningSpecs: specs };
}
