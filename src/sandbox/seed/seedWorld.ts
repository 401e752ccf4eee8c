import type { Directory } from '../store/directory';
import { type JsonObject, str } from '../json';
import { EventLog } from '../store/eventLog';
import { ProvisioningLogStore } from '../store/provisioningLogStore';
import type { ProvisioningEventSpec, ServicePrincipalRecord } from '../store/records';
import { TenantStore, type StoreSection } from '../store/tenantStore';
import { World, type SandboxState } from '../store/world';
import { materializeProvisioningEvent } from '../sync/materializeProvisioningEvent';
import {
  FABRIKAM_SYNC_GROUP_ID,
  seededCrossTenantAccess,
  seededMultiTenantOrganization,
  TAILSPIN_PILOT_GROUP_ID,
} from './crossTenantAccess';
import { seededDirectoryAudits } from './auditHistory';
import { benchmarkTenant } from './benchmarkTenant';
import { seededExternalCollaboration } from './externalCollaboration';
import { generateDirectory, type DirectoryPlan } from './directory';
import { seededSignIns } from './signInHistory';
import { microsoftGraphServicePrincipal, seedContosoApplications } from './syncConfigurations';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS, type SandboxTenant } from './tenants';

/** The seed every sandbox uses unless told otherwise, so all demos and tests see the same tenants. */
export const DEFAULT_SEED = 20240917;

const DIRECTORY_PLANS: Readonly<Record<string, DirectoryPlan>> = {
  [SANDBOX_TENANT_IDS.contoso]: {
    userCount: 480,
    cities: ['Seattle', 'Redmond', 'New York', 'London', 'Munich', 'Singapore'],
    hostileUsers: true,
    groups: [
      {
        id: FABRIKAM_SYNC_GROUP_ID,
        displayName: 'Sync - Fabrikam Retail',
        description:
          'Employees who work with Fabrikam Retail: synchronized to the Fabrikam tenant.',
        // Everyone with a hostile name is in scope, so their payloads reach the provisioning logs.
        pickMembers: (users, rng) =>
          users
            .filter(
              (u, i) =>
                i > 0 &&
                (rng.chance(0.7) ||
                  /^(img|script|svg|template|bad|bidi)\./.test(str(u.object.mailNickname))),
            )
            .map((u) => str(u.object.id)),
      },
      {
        id: TAILSPIN_PILOT_GROUP_ID,
        displayName: 'Pilot - Tailspin Toys',
        description: 'Integration pilot with Tailspin Toys.',
        pickMembers: (users, rng) =>
          users
            .filter(
              (u) =>
                ['Engineering', 'Research', 'Sales'].includes(str(u.object.department)) &&
                rng.chance(0.4),
            )
            .map((u) => str(u.object.id)),
      },
    ],
  },
  [SANDBOX_TENANT_IDS.fabrikam]: { userCount: 120, cities: ['Chicago', 'Dallas', 'Toronto'] },
  [SANDBOX_TENANT_IDS.northwind]: { userCount: 70, cities: ['London', 'Manchester', 'Dublin'] },
  [SANDBOX_TENANT_IDS.tailspin]: { userCount: 45, cities: ['Toronto', 'Vancouver'] },
  [SANDBOX_TENANT_IDS.woodgrove]: { userCount: 40, cities: ['Frankfurt', 'Berlin'] },
};

/**
 * A tenant with its seeded settings and directory; `seededLogs`, `seededAudits` and
 * `seededSignIns` supply its provisioning history, directory audits and sign-ins on first read.
 */
export function createTenantStore(
  info: SandboxTenant,
  seed: number,
  anchorMs: number,
  options: {
    directory?: Directory;
    seededLogs?: () => readonly ProvisioningEventSpec[];
    seededAudits?: () => readonly JsonObject[];
    seededSignIns?: () => readonly JsonObject[];
  } = {},
): TenantStore {
  const plan = DIRECTORY_PLANS[info.tenantId] ?? { userCount: 12, cities: [info.city] };
  // The log store needs the tenant (for its directory) and the tenant needs the log store.
  const logs: ProvisioningLogStore = new ProvisioningLogStore(
    options.seededLogs ?? (() => []),
    (spec) => materializeProvisioningEvent(spec, store),
  );
  const store: TenantStore = new TenantStore(info, {
    crossTenantAccess: seededCrossTenantAccess(info),
    externalCollaboration: seededExternalCollaboration(info),
    servicePrincipals: [microsoftGraphServicePrincipal(info.tenantId)],
    directory: () => options.directory ?? generateDirectory(info, seed, anchorMs, plan),
    provisioning: logs,
    audits: new EventLog('activityDateTime', options.seededAudits),
    signIns: new EventLog('createdDateTime', options.seededSignIns),
    multiTenantOrganization: seededMultiTenantOrganization(info),
  });
  return store;
}

/**
 * Builds the sandbox from a seed and an anchor time, then replays persisted changes: tenants added
 * for benchmarks, and every changed section of a tenant (replaced wholesale, and kept marked as
 * changed so the next export carries it again).
 */
export function createWorld(seed: number, anchorMs: number, state?: SandboxState): World {
  const world = new World(seed, anchorMs);
  const contosoInfo = SANDBOX_TENANTS.find((t) => t.tenantId === SANDBOX_TENANT_IDS.contoso)!;
  const contosoDirectory = generateDirectory(
    contosoInfo,
    seed,
    anchorMs,
    DIRECTORY_PLANS[contosoInfo.tenantId],
  );
  let contosoHistory: readonly ProvisioningEventSpec[] = [];
  let seededApplications: readonly ServicePrincipalRecord[] = [];
  let signIns: Map<string, JsonObject[]> | undefined;
  const signInsOf = (tenantId: string): JsonObject[] => {
    signIns ??= seededSignIns(seed, anchorMs, (id) => world.get(id)!.directory);
    return signIns.get(tenantId) ?? [];
  };
  for (const info of SANDBOX_TENANTS) {
    const isContoso = info === contosoInfo;
    const directory = (): Directory => world.get(info.tenantId)!.directory;
    world.add(
      createTenantStore(info, seed, anchorMs, {
        ...(isContoso ? { directory: contosoDirectory, seededLogs: () => contosoHistory } : {}),
        // From the seeded settings, not from persisted changes: those carry their own events.
        seededAudits: () =>
          seededDirectoryAudits(info, {
            seed,
            anchorMs,
            directory: directory(),
            access: seededCrossTenantAccess(info),
            servicePrincipals: isContoso ? seededApplications : [],
          }),
        seededSignIns: () => signInsOf(info.tenantId),
      }),
      { benchmark: false },
    );
  }
  const contoso = world.get(contosoInfo.tenantId)!;
  const applications = seedContosoApplications(world, contosoDirectory, seed, anchorMs);
  contoso.restore({ applications: { servicePrincipals: applications.servicePrincipals } });
  contosoHistory = applications.provisioningSpecs;
  seededApplications = structuredClone(applications.servicePrincipals);

  if (state) {
    for (let i = 0; i < state.benchmarkTenants; i++)
      world.add(
        createTenantStore(benchmarkTenant(seed, SANDBOX_TENANTS.length + i), seed, anchorMs),
        { benchmark: true },
      );
    for (const [tenantId, snapshot] of Object.entries(state.tenants)) {
      const store = world.get(tenantId);
      if (!store) continue;
      store.restore(snapshot);
      for (const section of Object.keys(snapshot) as StoreSection[])
        world.markDirty(tenantId, section);
    }
  }
  return world;
}
