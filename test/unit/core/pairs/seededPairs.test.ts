import assert from 'node:assert/strict';
import { listSyncAssignments } from '../../../../src/core/graph/operations/appRoleAssignments';
import { getPolicy } from '../../../../src/core/graph/operations/policy';
import { findSyncConfigurations } from '../../../../src/core/graph/operations/syncConfigurations';
import { listSyncJobs } from '../../../../src/core/graph/operations/syncJobs';
import { loadPartnerOverview } from '../../../../src/core/graph/partnerOverview';
import { findPairs, type TenantPair } from '../../../../src/core/pairs/pairChecks';
import { tenantSide, type TenantSide } from '../../../../src/core/pairs/tenantSide';
import {
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  SANDBOX_TENANTS,
} from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';

const {
  contoso: CONTOSO,
  fabrikam: FABRIKAM,
  northwind: NORTHWIND,
  tailspin: TAILSPIN,
  woodgrove: WOODGROVE,
} = SANDBOX_TENANT_IDS;
const SIGNED_IN = SANDBOX_TENANTS.map((t) => ({
  tenantId: t.tenantId,
  displayName: t.displayName,
  defaultDomainName: t.defaultDomainName,
}));

/** A tenant as the host would load it: base policy, partner overview, configurations with jobs and assignments; targets resolved by name. */
async function loadSide(
  fx: SandboxFixture,
  tenantId: string,
  withAssignments = true,
): Promise<TenantSide> {
  const client = fx.client(tenantId);
  const [policy, overview, sps] = await Promise.all([
    getPolicy(client),
    loadPartnerOverview(client),
    findSyncConfigurations(client),
  ]);
  const syncConfigurations = await Promise.all(
    sps.map(async (sp) => ({
      servicePrincipal: sp,
      jobs: await listSyncJobs(client, sp.id!),
      ...(withAssignments ? { assignments: await listSyncAssignments(client, sp.id!) } : {}),
    })),
  );
  const info = SANDBOX_TENANTS.find((t) => t.tenantId === tenantId)!;
  return tenantSide({
    tenantId,
    displayName: info.displayName,
    cloud: 'global',
    signedIn: true,
    policy,
    overview,
    syncConfigurations,
    signedInTenants: SIGNED_IN,
  });
}

function pairOf(pairs: readonly TenantPair[], x: string, y: string): TenantPair {
  const pair = pairs.find(
    (p) => [p.a.tenantId, p.b.tenantId].sort().join() === [x, y].sort().join(),
  );
  assert.ok(pair, `pair ${x} / ${y}`);
  return pair;
}

describe('findPairs on the seeded sandbox tenants', () => {
  let fx: SandboxFixture;
  let sides: TenantSide[];
  before(async () => {
    fx = await SandboxFixture.start();
    sides = await Promise.all(SANDBOX_TENANTS.map((t) => loadSide(fx, t.tenantId)));
  });
  after(() => fx.close());

  it('resolves the seeded configurations to their targets by name', () => {
    const contoso = sides.find((s) => s.tenantId === CONTOSO)!;
    assert.deepEqual(
      contoso.syncConfigurations?.map((c) => [c.displayName, c.targetTenantId]).sort(),
      [
        [SANDBOX_SYNC_CONFIGURATIONS.fabrikam.displayName, FABRIKAM],
        [SANDBOX_SYNC_CONFIGURATIONS.tailspin.displayName, TAILSPIN],
      ],
    );
  });

  it('finds Contoso with Fabrikam, Northwind and Tailspin, and Woodgrove in no pair', () => {
    const pairs = findPairs(sides);
    assert.deepEqual(
      pairs.map((p) => [p.a.tenantId, p.b.tenantId].sort().join()).sort(),
      [
        [CONTOSO, FABRIKAM],
        [CONTOSO, NORTHWIND],
        [CONTOSO, TAILSPIN],
      ]
        .map((p) => p.sort().join())
        .sort(),
    );
    assert.ok(pairs.every((p) => p.a.tenantId !== WOODGROVE && p.b.tenantId !== WOODGROVE));
  });

  it('Contoso → Fabrikam is a healthy sync pair: ok, no findings', () => {
    const pair = pairOf(findPairs(sides), CONTOSO, FABRIKAM);
    assert.deepEqual(pair.findings, []);
    assert.equal(pair.status, 'ok');
    assert.deepEqual(
      pair.syncs.map((s) => [s.sourceTenantId, s.targetTenantId, s.configurationName]),
      [[CONTOSO, FABRIKAM, 'Fabrikam Retail']],
    );
  });

  it('Contoso → Tailspin: Tailspin lacks inbound auto-redeem (error) and does not trust Contoso MFA (warning)', () => {
    const pair = pairOf(findPairs(sides), CONTOSO, TAILSPIN);
    assert.equal(pair.status, 'error');
    assert.deepEqual(
      pair.findings.map((f) => [f.id, f.severity, f.tenantId, f.partnerTenantId, f.setting]),
      [
        [
          'autoRedeemInboundMissing',
          'error',
          TAILSPIN,
          CONTOSO,
          'automaticUserConsentSettings.inboundAllowed',
        ],
        ['mfaNotTrusted', 'warning', TAILSPIN, CONTOSO, 'inboundTrust.isMfaAccepted'],
      ],
    );
    assert.equal(
      pair.findings[0].message,
      'Tailspin Toys does not redeem invitations from Contoso Group automatically (automaticUserConsentSettings.inboundAllowed), so sync configuration "Tailspin Toys" fails.',
    );
    assert.deepEqual(pair.findings[0].fix, {
      document: 'partner',
      patch: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false } },
    });
    // The Tailspin job is quarantined by exactly this mismatch.
    assert.equal(pair.syncs[0].jobStatus, 'quarantine');
  });

  it('Tailspin admits only its pilot group, which is the group Contoso syncs: no B2B finding; without the assignments, a warning', async () => {
    const withoutAssignments = await loadSide(fx, CONTOSO, false);
    const pair = pairOf(
      findPairs([withoutAssignments, ...sides.filter((s) => s.tenantId !== CONTOSO)]),
      CONTOSO,
      TAILSPIN,
    );
    const b2b = pair.findings.filter((f) => f.id === 'b2bInboundBlocksSyncedUsers');
    assert.deepEqual(
      b2b.map((f) => [f.severity, f.tenantId, f.setting, f.fix]),
      [['warning', TAILSPIN, 'b2bCollaborationInbound.usersAndGroups', undefined]],
    );
  });

  it('Contoso ↔ Northwind: direct connect on both sides, ok', () => {
    const pair = pairOf(findPairs(sides), CONTOSO, NORTHWIND);
    assert.deepEqual(pair.findings, []);
    assert.equal(pair.status, 'ok');
  });

  it('with Fabrikam not signed in, Contoso → Fabrikam is incomplete and says why', () => {
    const fabrikam = sides.find((s) => s.tenantId === FABRIKAM)!;
    const pairs = findPairs(
      sides.map((s) =>
        s === fabrikam ? { ...fabrikam, signedIn: false, overview: undefined } : s,
      ),
    );
    const pair = pairOf(pairs, CONTOSO, FABRIKAM);
    assert.equal(pair.status, 'incomplete');
    assert.deepEqual(
      pair.findings.map((f) => f.message),
      ['Fabrikam Retail is not signed in; checks that need its settings were skipped.'],
    );
  });
});
