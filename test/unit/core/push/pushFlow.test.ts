import assert from 'node:assert/strict';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import { planImpact, type TenantAccess } from '../../../../src/core/impact/narrowing';
import type { ImpactResult } from '../../../../src/core/impact/previewImpact';
import { toCanonicalText } from '../../../../src/core/policy/canonical';
import { checkDocument } from '../../../../src/core/policy/checkDocument';
import type { DocumentIdentity } from '../../../../src/core/policy/documentUri';
import type { PushPlan } from '../../../../src/core/policy/pushPlan';
import {
  runPush,
  type PushDocument,
  type PushHost,
  type PushResult,
} from '../../../../src/core/push/pushFlow';
import type { PushWords } from '../../../../src/core/push/pushWords';
import { UserCancelledError } from '../../../../src/core/userCancelledError';
import { ScriptedUserInput, type Step } from '../../../support/scriptedUserInput';
import { schemas } from '../policy/helpers';

const TENANT = '0e7b3c55-2a4d-4f1b-9c8e-6d5a4b3c2e1f';
const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const OTHER = '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46';

const partnerId: DocumentIdentity = {
  kind: 'partner',
  tenantId: TENANT,
  partnerTenantId: PARTNER,
  label: 'fabrikam.com',
};
const defaultId: DocumentIdentity = { kind: 'default', tenantId: TENANT };

const trust = (mfa: boolean, compliant: boolean) => ({
  isMfaAccepted: mfa,
  isCompliantDeviceAccepted: compliant,
  isHybridAzureADJoinedDeviceAccepted: false,
});

/** A partner as Graph returns it. */
function livePartner(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.context':
      'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners/$entity',
    tenantId: PARTNER,
    isServiceProvider: false,
    isInMultiTenantOrganization: false,
    inboundTrust: trust(true, false),
    b2bCollaborationInbound: null,
    ...changes,
  };
}

/** English words, each naming its place, so a test can see which one was shown. */
const words: PushWords = {
  refusedForErrors: (n, line, message) =>
    `Not pushed: ${n} errors (first: line ${line}, ${message})`,
  notAnObject: 'Not an object.',
  notPushed: (reason) => `Not pushed: ${reason}`,
  unknownProperty: (line, message) => `Not pushed: line ${line}: ${message}.`,
  matchingAttributes: (broken) => `Not pushed: ${broken}.`,
  nothingToPush: 'Nothing to push: the document matches Contoso.',
  liveChangedSinceDraft: 'Someone changed this policy in Contoso since your draft began.',
  liveChangedSinceExport: 'Someone changed this policy in Contoso since this file was exported.',
  liveChangedDetail: (theirs, both) =>
    `Changed in the tenant:\n${theirs}${both ? `\nBoth:\n${both}` : ''}`,
  rebase: 'Rebase onto Live',
  showVersions: 'Show Versions',
  overwrite: 'Overwrite Live…',
  overwriteQuestion: 'Overwrite the changes made in Contoso?',
  overwriteDetail: (theirs) => `Replaced:\n${theirs}`,
  overwriteButton: 'Overwrite',
  bothChanged: (label) => `Both changed: ${label}`,
  whichValue: (base) => `Was ${base}. Keep which?`,
  keepMine: 'Keep mine',
  keepTheirs: "Keep the tenant's",
  confirmPush: (n) => `Push to Contoso: ${n} changes?`,
  defaultReach: (partners) => (partners ? 'Reaches, with partners:' : 'Reaches.'),
  inheritedBy: (setting, n) => `${setting}: ${n} partners inherit it`,
  push: 'Push',
  impact: {
    line: (result) => `Impact: ${result.kind}.`,
    rows: () => [],
    row: (r) => ({ label: r.user, description: r.app, detail: r.why.join('; ') }),
    failed: (reason) => `Impact not checked: ${reason}`,
    cancelled: 'Impact check cancelled.',
    showAffected: 'Show Who Is Affected',
    listTitle: 'Who is affected',
    listPlaceholder: 'Pick a row',
    openAsDocument: 'Open as a document',
  },
  more: (hidden) => `… and ${hidden} more`,
};

/** A tenant that records what the flow did: Graph's writes, reads, and the host's calls. */
class FakeTenant implements PushHost {
  readonly sent: Record<string, unknown>[] = [];
  readonly calls: string[] = [];
  reads = 0;
  partnerReads = 0;
  /** The impact previews asked for: before and after. */
  readonly previews: { before: TenantAccess; after: TenantAccess }[] = [];

  constructor(
    /** Live before the write, then what the write makes of it. */
    public live: Record<string, unknown>,
    private readonly partnerList: readonly Partner[] = [],
  ) {}

  readLive(): Promise<Record<string, unknown>> {
    this.reads++;
    return Promise.resolve(structuredClone(this.live));
  }
  partners(): Promise<readonly Partner[]> {
    this.partnerReads++;
    return Promise.resolve(this.partnerList);
  }
  defaults(): Promise<DefaultConfiguration> {
    return Promise.resolve({});
  }
  /** These tests push changes that narrow nothing; pushImpact.test.ts has those that do. */
  previewImpact(before: TenantAccess, after: TenantAccess): Promise<ImpactResult> {
    this.previews.push({ before, after });
    const plan = planImpact(TENANT, before, after);
    assert.equal(plan.narrowing.size, 0, 'a change that narrows nothing');
    return Promise.resolve({ kind: 'notNarrowing', plan });
  }
  showImpact(): Promise<void> {
    throw new Error('nothing to show: the change narrows nothing');
  }
  send(plan: PushPlan): Promise<void> {
    this.sent.push(plan.patch);
    this.live = { ...this.live, ...plan.patch };
    return Promise.resolve();
  }
  checkAgainstLive(): readonly [] {
    return [];
  }
  showVersions(): Promise<void> {
    this.calls.push('showVersions');
    return Promise.resolve();
  }
  saveRebased(text: string, baseText: string): Promise<void> {
    this.calls.push(`saveRebased ${JSON.stringify(JSON.parse(text))} from ${baseText.length}`);
    return Promise.resolve();
  }
  nothingToPush(): Promise<void> {
    this.calls.push('nothingToPush');
    return Promise.resolve();
  }
  pushed(after: string, rebased: Record<string, unknown> | undefined): Promise<void> {
    this.calls.push(`pushed${rebased ? ' rebased' : ''}`);
    assert.equal(after, toCanonicalText('partner', this.live), 'live re-read after the write');
    return Promise.resolve();
  }
}

/** The document of `value` as the editor holds it, checked as the editor checks it. */
function documentOf(
  identity: DocumentIdentity,
  value: Record<string, unknown>,
  base: Record<string, unknown> | undefined,
  source: PushDocument['source'] = 'draft',
): PushDocument {
  const text = toCanonicalText(identity.kind, value);
  return {
    identity,
    source,
    text,
    diagnostics: checkDocument(identity.kind, text, {
      schemas: schemas(),
      ...('partnerTenantId' in identity ? { expectedTenantId: identity.partnerTenantId } : {}),
    }),
    base: base && toCanonicalText(identity.kind, base),
  };
}

async function push(
  doc: PushDocument,
  tenant: FakeTenant,
  steps: readonly Step[],
): Promise<{ result?: PushResult; error?: unknown; ui: ScriptedUserInput }> {
  const ui = new ScriptedUserInput(steps);
  try {
    const result = await runPush(doc, tenant, ui, words);
    return { result, ui };
  } catch (error) {
    return { error, ui };
  }
}

describe('push flow', () => {
  it('sends the minimal PATCH after the confirmation, re-reads live and records the push', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(partnerId, livePartner({ isServiceProvider: true }), livePartner());
    const { result, error, ui } = await push(doc, tenant, [
      { expect: 'Push to Contoso: 1 changes?', answer: { confirm: 'Push' } },
    ]);
    assert.equal(error, undefined);
    assert.deepEqual(tenant.sent, [{ isServiceProvider: true }]);
    assert.deepEqual(result, {
      pushed: true,
      changes: ['Cloud service provider: no → yes'],
      sent: { isServiceProvider: true },
    });
    assert.deepEqual(ui.shown[0].choices, ['Push']);
    assert.match(ui.shown[0].text, /• Cloud service provider: no → yes\n\nImpact: notNarrowing\.$/);
    assert.equal(tenant.reads, 2, 'live read before the plan and again after the write');
    assert.deepEqual(tenant.calls, ['pushed']);
    ui.assertDone();
  });

  it('declined at the confirmation: a cancellation, and Graph receives nothing', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(partnerId, livePartner({ isServiceProvider: true }), livePartner());
    const { error, ui } = await push(doc, tenant, [
      { expect: 'Push to Contoso', answer: { cancel: true } },
    ]);
    assert.ok(error instanceof UserCancelledError, String(error));
    assert.deepEqual(tenant.sent, []);
    assert.deepEqual(tenant.calls, [], 'nothing recorded, the draft is kept');
    ui.assertDone();
  });

  it('a prompt the flow did not expect is a crash, not a refusal', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(partnerId, livePartner({ isServiceProvider: true }), livePartner());
    const { error } = await push(doc, tenant, []);
    assert.ok(error instanceof Error && !(error instanceof UserCancelledError));
    assert.match(error.message, /unexpected confirm prompt "Push to Contoso/);
    assert.deepEqual(tenant.sent, []);
  });

  it('refuses a document with errors before reading live or asking anything', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(
      partnerId,
      livePartner({ inboundTrust: { isMfaAccepted: 'yes' } }),
      livePartner(),
    );
    const { result, ui } = await push(doc, tenant, []);
    assert.equal(result?.pushed, false);
    assert.equal(result?.showProblems, true);
    assert.match(result?.notPushed ?? '', /^Not pushed: \d+ errors \(first: line \d+, /);
    assert.equal(tenant.reads, 0);
    assert.deepEqual(ui.shown, []);
    assert.deepEqual(tenant.sent, []);
  });

  it('says there is nothing to push, drops the draft and sends nothing', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(partnerId, livePartner(), livePartner());
    const { result, ui } = await push(doc, tenant, []);
    assert.deepEqual(result, { pushed: false, changes: [], notPushed: words.nothingToPush });
    assert.deepEqual(
      ui.shown.map((s) => [s.kind, s.text]),
      [['inform', words.nothingToPush]],
    );
    assert.deepEqual(tenant.calls, ['nothingToPush']);
    assert.deepEqual(tenant.sent, []);
  });

  it('refuses a property Graph does not know, with its line, before anything is sent', async () => {
    const tenant = new FakeTenant(livePartner());
    const doc = documentOf(
      partnerId,
      livePartner({ inboundTrust: { ...trust(true, false), isMfaAcepted: true } }),
      livePartner(),
    );
    const { error, ui } = await push(doc, tenant, []);
    assert.ok(error instanceof Error && !(error instanceof UserCancelledError));
    assert.match(error.message, /^Not pushed: line \d+: .*isMfaAcepted/);
    assert.deepEqual(ui.shown, []);
    assert.deepEqual(tenant.sent, []);
  });

  describe('when live changed since the document began', () => {
    // A colleague stopped trusting MFA and set B2B collaboration inbound, blocking users; the user
    // made Fabrikam a cloud service provider and set it too, allowing them: one conflict.
    const collaboration = (users: 'allowed' | 'blocked') => ({
      usersAndGroups: { accessType: users, targets: [{ target: 'AllUsers', targetType: 'user' }] },
      applications: {
        accessType: 'allowed',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    });
    const base = livePartner();
    const moved = (): FakeTenant =>
      new FakeTenant(
        livePartner({
          inboundTrust: trust(false, false),
          b2bCollaborationInbound: collaboration('blocked'),
        }),
      );
    const mine = livePartner({
      isServiceProvider: true,
      b2bCollaborationInbound: collaboration('allowed'),
    });
    const conflict = {
      expect: 'Someone changed this policy in Contoso since your draft began.',
    } as const;

    it('rebases the user’s changes onto live, asking whose value wins where both changed', async () => {
      const tenant = moved();
      const { result, error, ui } = await push(documentOf(partnerId, mine, base), tenant, [
        { ...conflict, answer: { confirm: 'Rebase onto Live' } },
        {
          expect: /Both changed: B2B collaboration inbound › users and groups › access type/,
          answer: { pick: 'Keep mine' },
        },
        { expect: 'Push to Contoso', answer: { confirm: 'Push' } },
      ]);
      assert.equal(error, undefined, String(error));
      assert.deepEqual(ui.shown[0].choices, [
        'Rebase onto Live',
        'Show Versions',
        'Overwrite Live…',
      ]);
      assert.match(
        ui.shown[0].text,
        /Changed in the tenant:\n(• .*\n)*• Inbound trust, MFA: trusted → not trusted\nBoth:\n• B2B collaboration inbound › users and groups › access type$/,
      );
      assert.deepEqual(ui.shown[1].choices, ['Keep mine', "Keep the tenant's"]);
      assert.deepEqual(tenant.sent, [
        { isServiceProvider: true, b2bCollaborationInbound: collaboration('allowed') },
      ]);
      assert.equal(result?.pushed, true);
      assert.equal(tenant.calls.length, 2);
      assert.match(tenant.calls[0], /^saveRebased .*"isServiceProvider":true/);
      assert.equal(tenant.calls[1], 'pushed rebased');
      ui.assertDone();
    });

    it('keeps the tenant’s value where the user says so', async () => {
      const tenant = moved();
      await push(documentOf(partnerId, mine, base), tenant, [
        { ...conflict, answer: { confirm: 'Rebase onto Live' } },
        { expect: /Both changed/, answer: { pick: "Keep the tenant's" } },
        { expect: 'Push to Contoso', answer: { confirm: 'Push' } },
      ]);
      assert.deepEqual(tenant.sent, [{ isServiceProvider: true }]);
    });

    it('dismissing the question of whose value wins sends nothing', async () => {
      const tenant = moved();
      const { error } = await push(documentOf(partnerId, mine, base), tenant, [
        { ...conflict, answer: { confirm: 'Rebase onto Live' } },
        { expect: /Both changed/, answer: { cancel: true } },
      ]);
      assert.ok(error instanceof UserCancelledError);
      assert.deepEqual(tenant.sent, []);
      assert.deepEqual(tenant.calls, []);
    });

    it('shows the versions as often as asked, then overwrites after a second confirmation', async () => {
      const tenant = moved();
      const { result, ui } = await push(documentOf(partnerId, mine, base), tenant, [
        { ...conflict, answer: { confirm: 'Show Versions' } },
        { ...conflict, answer: { confirm: 'Show Versions' } },
        { ...conflict, answer: { confirm: 'Overwrite Live…' } },
        { expect: 'Overwrite the changes made in Contoso?', answer: { confirm: 'Overwrite' } },
        { expect: 'Push to Contoso', answer: { confirm: 'Push' } },
      ]);
      assert.deepEqual(tenant.calls, ['showVersions', 'showVersions', 'pushed']);
      assert.match(
        ui.shown[3].text,
        /Replaced:\n(• .*\n)*• Inbound trust, MFA: trusted → not trusted$/,
      );
      // The colleague's changes are undone: MFA trusted again, users allowed.
      assert.deepEqual(tenant.sent, [
        {
          isServiceProvider: true,
          inboundTrust: trust(true, false),
          b2bCollaborationInbound: collaboration('allowed'),
        },
      ]);
      assert.equal(result?.pushed, true);
      ui.assertDone();
    });

    it('declining the overwrite sends nothing', async () => {
      const tenant = moved();
      const { error } = await push(documentOf(partnerId, mine, base), tenant, [
        { ...conflict, answer: { confirm: 'Overwrite Live…' } },
        { expect: 'Overwrite the changes', answer: { cancel: true } },
      ]);
      assert.ok(error instanceof UserCancelledError);
      assert.deepEqual(tenant.sent, []);
    });

    it('an exported file says so, and a rebase is not saved as a draft', async () => {
      const tenant = moved();
      await push(documentOf(partnerId, mine, base, 'file'), tenant, [
        {
          expect: 'Someone changed this policy in Contoso since this file was exported.',
          answer: { confirm: 'Rebase onto Live' },
        },
        { expect: /Both changed/, answer: { pick: 'Keep mine' } },
        { expect: 'Push to Contoso', answer: { confirm: 'Push' } },
      ]);
      assert.deepEqual(tenant.calls, ['pushed rebased']);
    });

    it('without a known start, live is not compared (nothing to rebase onto)', async () => {
      const tenant = moved();
      const { ui } = await push(documentOf(partnerId, mine, undefined, 'file'), tenant, [
        { expect: 'Push to Contoso', answer: { confirm: 'Push' } },
      ]);
      assert.equal(ui.shown.length, 1);
      assert.deepEqual(tenant.sent, [
        {
          isServiceProvider: true,
          inboundTrust: trust(true, false),
          b2bCollaborationInbound: collaboration('allowed'),
        },
      ]);
    });
  });

  it('names the partners that inherit a changed default setting', async () => {
    const liveDefault = {
      inboundTrust: trust(false, false),
      b2bCollaborationInbound: {
        usersAndGroups: {
          accessType: 'allowed',
          targets: [{ target: 'AllUsers', targetType: 'user' }],
        },
        applications: {
          accessType: 'allowed',
          targets: [{ target: 'AllApplications', targetType: 'application' }],
        },
      },
    };
    const tenant = new FakeTenant(liveDefault, [
      { tenantId: PARTNER, inboundTrust: null },
      { tenantId: OTHER, inboundTrust: trust(true, true) },
    ]);
    tenant.pushed = () => Promise.resolve();
    const { ui } = await push(
      documentOf(defaultId, { ...liveDefault, inboundTrust: trust(true, false) }, liveDefault),
      tenant,
      [{ expect: 'Push to Contoso', answer: { confirm: 'Push' } }],
    );
    assert.match(
      ui.shown[0].text,
      /Reaches, with partners:\n• Inbound trust: 1 partners inherit it/i,
    );
    assert.equal(tenant.partnerReads, 1, 'once, for the reach and the impact preview');
    assert.deepEqual(tenant.calls, []);
    assert.deepEqual(tenant.sent, [{ inboundTrust: trust(true, false) }]);
  });
});
