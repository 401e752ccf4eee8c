import type { JsonObject } from '../json';
import { str } from '../json';
import type { Directory, DirectoryUser } from '../store/directory';
import { FABRIKAM_SYNC_GROUP_ID, TAILSPIN_PILOT_GROUP_ID } from './crossTenantAccess';
import { guidFromName, Rng } from './random';
import { SANDBOX_TENANT_IDS } from './tenants';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW = 30 * DAY;

/** An application as sign-in events name it: the client app and the resource it called. */
interface SignInApp {
  readonly appId: string;
  readonly appDisplayName: string;
  readonly resourceId: string;
  readonly resourceDisplayName: string;
}

/** Microsoft first-party apps by their well-known application ids. */
const TEAMS: SignInApp = {
  appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  appDisplayName: 'Microsoft Teams',
  resourceId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
  resourceDisplayName: 'Microsoft Teams Services',
};
const SHAREPOINT: SignInApp = {
  appId: '00000003-0000-0ff1-ce00-000000000000',
  appDisplayName: 'Office 365 SharePoint Online',
  resourceId: '00000003-0000-0ff1-ce00-000000000000',
  resourceDisplayName: 'Office 365 SharePoint Online',
};
const EXCHANGE: SignInApp = {
  appId: '00000002-0000-0ff1-ce00-000000000000',
  appDisplayName: 'Office 365 Exchange Online',
  resourceId: '00000002-0000-0ff1-ce00-000000000000',
  resourceDisplayName: 'Office 365 Exchange Online',
};

function ownApp(tenantId: string, displayName: string, appId?: string): SignInApp {
  const id = appId ?? guidFromName(`app:${tenantId}:${displayName}`);
  return {
    appId: id,
    appDisplayName: displayName,
    resourceId: id,
    resourceDisplayName: displayName,
  };
}

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
/** Contoso's in-house app (the service principal seeded in syncConfigurations.ts). */
const CONTOSO_EXPENSES = ownApp(
  contoso,
  'Contoso Expense Portal',
  '2c6a9f13-7e48-4b05-9d2c-8a1f6e3b7d40',
);
const FABRIKAM_STORE = ownApp(fabrikam, 'Fabrikam Store Operations');
const TAILSPIN_PORTAL = ownApp(tailspin, 'Tailspin Partner Portal');
const WOODGROVE_BANKING = ownApp(woodgrove, 'Woodgrove Online Banking');

/** A Conditional Access policy of the resource tenant and the grant controls it enforces. */
interface CaPolicy {
  readonly name: string;
  readonly grant: readonly string[];
  readonly apps?: readonly string[];
}

const MFA_FOR_GUESTS: CaPolicy = {
  name: 'Require MFA for guest and external users',
  grant: ['Mfa'],
};
const COMPLIANT_EXPENSES: CaPolicy = {
  name: 'Require a compliant device for Contoso Expense Portal',
  grant: ['RequireCompliantDevice'],
  apps: [CONTOSO_EXPENSES.appId],
};

/** Who signs in where: users of `home` to apps of `resource`, between `fromMs` and the anchor. */
interface Flow {
  readonly name: string;
  readonly home: string;
  readonly resource: string;
  readonly users: readonly DirectoryUser[];
  readonly apps: readonly SignInApp[];
  readonly fromMs: number;
  /** Chance that a user signs in on a working day. */
  readonly activity: number;
  /** The resource tenant's policies for external users (none for a tenant without Entra ID P1). */
  readonly policies: readonly CaPolicy[];
  /** The attempt fails: the resource tenant's inbound settings do not admit the user (AADSTS500213). */
  readonly refused?: boolean;
}

const CITIES: Readonly<Record<string, readonly [string | null, string, number, number]>> = {
  Seattle: ['Washington', 'US', 47.61, -122.33],
  Redmond: ['Washington', 'US', 47.67, -122.12],
  'New York': ['New York', 'US', 40.71, -74.01],
  London: ['England', 'GB', 51.51, -0.13],
  Munich: ['Bavaria', 'DE', 48.14, 11.58],
  Singapore: [null, 'SG', 1.35, 103.82],
  Chicago: ['Illinois', 'US', 41.88, -87.63],
  Dallas: ['Texas', 'US', 32.78, -96.8],
  Toronto: ['Ontario', 'CA', 43.65, -79.38],
  Manchester: ['England', 'GB', 53.48, -2.24],
  Dublin: ['Leinster', 'IE', 53.35, -6.26],
  Vancouver: ['British Columbia', 'CA', 49.28, -123.12],
  Frankfurt: ['Hesse', 'DE', 50.11, 8.68],
  Berlin: ['Berlin', 'DE', 52.52, 13.4],
};

const BROWSERS = ['Edge 126.0.0', 'Chrome 126.0.0', 'Safari 17.5', 'Firefox 127.0'];
const SYSTEMS = ['Windows 10', 'Windows 11', 'MacOs', 'iOS 17', 'Android 14'];

/** Failure text of AADSTS500213 (Entra authentication error codes). */
const INBOUND_REFUSAL =
  "The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.";

function enabledMembers(directory: Directory): DirectoryUser[] {
  return directory.users.filter(
    (u, i) => i > 0 && u.object.userType === 'Member' && u.object.accountEnabled !== false,
  );
}

function membersOf(directory: Directory, groupId: string): DirectoryUser[] {
  const ids = new Set(directory.groupsById.get(groupId)?.memberIds ?? []);
  return enabledMembers(directory).filter((u) => ids.has(str(u.object.id)));
}

function flows(directories: (tenantId: string) => Directory, anchorMs: number): Flow[] {
  const contosoUsers = enabledMembers(directories(contoso));
  const pilot = membersOf(directories(contoso), TAILSPIN_PILOT_GROUP_ID);
  const pilotIds = new Set(pilot.map((u) => str(u.object.id)));
  const start = anchorMs - WINDOW;
  // Tailspin became a partner 21 days before the anchor (see auditHistory.ts).
  const tailspinFrom = anchorMs - 21 * DAY + 2 * HOUR;
  const internal = (tenantId: string, apps: SignInApp[]): Flow => ({
    name: `internal:${tenantId}`,
    home: tenantId,
    resource: tenantId,
    users: enabledMembers(directories(tenantId)).slice(0, 30),
    apps,
    fromMs: start,
    activity: 0.25,
    policies: [],
  });
  return [
    {
      name: 'contoso→fabrikam',
      home: contoso,
      resource: fabrikam,
      users: membersOf(directories(contoso), FABRIKAM_SYNC_GROUP_ID).slice(0, 60),
      apps: [FABRIKAM_STORE, SHAREPOINT, TEAMS],
      fromMs: start,
      activity: 0.3,
      policies: [MFA_FOR_GUESTS],
    },
    {
      name: 'contoso→tailspin',
      home: contoso,
      resource: tailspin,
      users: pilot,
      apps: [TAILSPIN_PORTAL, SHAREPOINT, TEAMS],
      fromMs: tailspinFrom,
      activity: 0.35,
      policies: [MFA_FOR_GUESTS],
    },
    {
      name: 'contoso→tailspin refused',
      home: contoso,
      resource: tailspin,
      users: contosoUsers.filter((u) => !pilotIds.has(str(u.object.id))).slice(0, 4),
      apps: [TAILSPIN_PORTAL],
      fromMs: tailspinFrom,
      activity: 0.08,
      policies: [],
      refused: true,
    },
    {
      name: 'fabrikam→contoso',
      home: fabrikam,
      resource: contoso,
      users: enabledMembers(directories(fabrikam)).slice(0, 40),
      apps: [CONTOSO_EXPENSES, SHAREPOINT, TEAMS],
      fromMs: start,
      activity: 0.3,
      policies: [MFA_FOR_GUESTS, COMPLIANT_EXPENSES],
    },
    {
      // B2B direct connect: Teams shared channels, both ways.
      name: 'contoso→northwind',
      home: contoso,
      resource: northwind,
      users: contosoUsers.filter((u) => u.object.department === 'Engineering').slice(0, 15),
      apps: [TEAMS],
      fromMs: start,
      activity: 0.3,
      policies: [],
    },
    {
      name: 'northwind→contoso',
      home: northwind,
      resource: contoso,
      users: enabledMembers(directories(northwind)).slice(0, 12),
      apps: [TEAMS],
      fromMs: start,
      activity: 0.3,
      policies: [MFA_FOR_GUESTS],
    },
    internal(contoso, [CONTOSO_EXPENSES, SHAREPOINT, EXCHANGE, TEAMS]),
    internal(fabrikam, [FABRIKAM_STORE, SHAREPOINT, EXCHANGE]),
    internal(northwind, [SHAREPOINT, EXCHANGE, TEAMS]),
    internal(tailspin, [TAILSPIN_PORTAL, SHAREPOINT, EXCHANGE]),
    internal(woodgrove, [WOODGROVE_BANKING, EXCHANGE]),
  ];
}

function ipOf(rng: Rng, tenantId: string): string {
  const block = { [contoso]: '203.0.113', [fabrikam]: '198.51.100', [northwind]: '192.0.2' }[
    tenantId
  ];
  return `${block ?? '203.0.113'}.${rng.between(2, 254)}`;
}

/** One v1.0 `signIn` (only v1.0 names: no `crossTenantAccessType`, which is beta). */
function signIn(
  flow: Flow,
  user: DirectoryUser,
  app: SignInApp,
  at: number,
  correlationId: string,
  ip: string,
  device: { os: string; browser: string },
  rng: Rng,
  resourceSide: boolean,
): JsonObject {
  const u = user.object;
  const [state, country, latitude, longitude] = CITIES[str(u.city)] ?? [null, 'US', 47.61, -122.33];
  const policies = resourceSide
    ? flow.policies.filter((p) => !p.apps || p.apps.includes(app.appId))
    : [];
  return {
    id: rng.guid(),
    createdDateTime: new Date(at).toISOString(),
    userDisplayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    // Sandbox choice: the user's id in its home tenant, in both tenants' logs (the docs say only "ID of the user").
    userId: u.id,
    appId: app.appId,
    appDisplayName: app.appDisplayName,
    ipAddress: ip,
    clientAppUsed:
      device.os.startsWith('Windows') || device.os === 'MacOs'
        ? 'Browser'
        : 'Mobile Apps and Desktop clients',
    correlationId,
    conditionalAccessStatus: flow.refused || policies.length === 0 ? 'notApplied' : 'success',
    isInteractive: true,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: [],
    riskEventTypes_v2: [],
    resourceDisplayName: app.resourceDisplayName,
    resourceId: app.resourceId,
    resourceTenantId: flow.resource,
    homeTenantId: flow.home,
    servicePrincipalId: null,
    servicePrincipalName: null,
    authenticationAppDeviceDetails: null,
    status: flow.refused
      ? { errorCode: 500213, failureReason: INBOUND_REFUSAL, additionalDetails: null }
      : { errorCode: 0, failureReason: null, additionalDetails: null },
    deviceDetail: {
      deviceId: '',
      displayName: null,
      operatingSystem: device.os,
      browser: device.browser,
      isCompliant: flow.home === contoso || flow.home === fabrikam,
      isManaged: flow.home === contoso || flow.home === fabrikam,
      trustType: flow.home === contoso || flow.home === fabrikam ? 'Azure AD joined' : null,
    },
    location: {
      city: u.city ?? null,
      state,
      countryOrRegion: country,
      geoCoordinates: { altitude: null, latitude, longitude },
    },
    appliedConditionalAccessPolicies: policies.map((p) => ({
      id: guidFromName(`ca:${flow.resource}:${p.name}`),
      displayName: p.name,
      enforcedGrantControls: [...p.grant],
      enforcedSessionControls: [],
      result: 'success',
    })),
  };
}

/**
 * Thirty days of sign-ins of every seeded tenant, consistent with their settings: Contoso's synced
 * users at Fabrikam; Contoso's pilot group at Tailspin (from the day Tailspin became a partner),
 * and a few Contoso users Tailspin's allow-list refuses (AADSTS500213); Fabrikam's users at
 * Contoso, behind Contoso's MFA and compliant-device policies that Contoso's trust of Fabrikam
 * satisfies; Teams shared channels between Contoso and Northwind; and each tenant's own users.
 * A cross-tenant sign-in is logged in both tenants (the resource side with its Conditional Access
 * results), as Entra does for B2B direct connect; for B2B collaboration that the home tenant logs
 * it too is a sandbox choice. Returns each tenant's events.
 */
export function seededSignIns(
  seed: number,
  anchorMs: number,
  directories: (tenantId: string) => Directory,
): Map<string, JsonObject[]> {
  const logs = new Map<string, JsonObject[]>();
  const log = (tenantId: string, entry: JsonObject): void => {
    let list = logs.get(tenantId);
    if (!list) logs.set(tenantId, (list = []));
    list.push(entry);
  };
  for (const flow of flows(directories, anchorMs)) {
    const rng = new Rng(seed, `signins:${flow.name}`);
    const devices = new Map(
      flow.users.map((u) => [
        str(u.object.id),
        { os: rng.pick(SYSTEMS), browser: rng.pick(BROWSERS) },
      ]),
    );
    const firstDay = Math.floor(flow.fromMs / DAY) * DAY;
    for (let day = firstDay; day < anchorMs; day += DAY) {
      const weekday = new Date(day).getUTCDay();
      const working = weekday !== 0 && weekday !== 6;
      for (const user of flow.users) {
        if (!rng.chance(flow.activity * (working ? 1 : 0.15))) continue;
        const count = rng.between(1, 3);
        for (let i = 0; i < count; i++) {
          const at = day + rng.between(13 * HOUR, 23 * HOUR) + rng.int(HOUR);
          if (at < flow.fromMs || at >= anchorMs) continue;
          const app = rng.pick(flow.apps);
          const correlationId = rng.guid();
          const ip = ipOf(rng, flow.home);
          const device = devices.get(str(user.object.id))!;
          log(flow.resource, signIn(flow, user, app, at, correlationId, ip, device, rng, true));
          if (flow.home !== flow.resource)
            log(flow.home, signIn(flow, user, app, at, correlationId, ip, device, rng, false));
        }
      }
    }
  }
  return logs;
}
