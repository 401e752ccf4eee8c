import assert from 'node:assert/strict';
import type * as MSGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../../../../src/core/graph/graphClient';
import {
  getPartner,
  listPartners,
  updatePartner,
} from '../../../../src/core/graph/operations/partners';
import { getDefaultConfiguration } from '../../../../src/core/graph/operations/policy';
import type { SignIn } from '../../../../src/core/graph/types';
import { describeImpact, impactSummaryLine } from '../../../../src/core/impact/describeImpact';
import { previewImpact } from '../../../../src/core/impact/previewImpact';
import { toCanonicalText } from '../../../../src/core/policy/canonical';
import { checkDocument } from '../../../../src/core/policy/checkDocument';
import type { DocumentIdentity } from '../../../../src/core/policy/documentUri';
import {
  runPush,
  type EvaluatedImpact,
  type PushHost,
  type PushResult,
} from '../../../../src/core/push/pushFlow';
import type { PushWords } from '../../../../src/core/push/pushWords';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../../../../src/sandbox';
import { ScriptedUserInput, type Step } from '../../../support/scriptedUserInput';
import { ANCHOR, InProcessGraph } from '../history/support';
import { schemas } from '../policy/helpers';

// The push flow with the impact preview, against the sandbox's seeded sign-ins: what the user is
// shown in the confirmation, what the list holds, and what Graph receives.

const { contoso, northwind, tailspin } = SANDBOX_TENANT_IDS;
const DAY = 86_400_000;
const SIGN_INS = '/auditLogs/signIns';
const names = (id: string): string | undefined =>
  SANDBOX_TENANTS.find((t) => t.tenantId === id)?.displayName;
const nameOf = (id: string): string => names(id) ?? id;

const blockAll: MSGraph.CrossTenantAccessPolicyB2BSetting = {
  usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'blocked',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

/** English words as the extension's are built: the impact's from core's describers. */
function words(tenant: string): PushWords {
  return {
    refusedForErrors: (n, line, message) => `Not pushed: ${n} errors (line ${line}, ${message})`,
    notAnObject: 'Not an object.',
    notPushed: (reason) => `Not pushed: ${reason}`,
    unknownProperty: (line, message) => `Not pushed: line ${line}: ${message}.`,
    matchingAttributes: (broken) => `Not pushed: ${broken}.`,
    nothingToPush: 'Nothing to push.',
    liveChangedSinceDraft: 'Someone changed this policy.',
    liveChangedSinceExport: 'Someone changed this policy since the export.',
    liveChangedDetail: (theirs) => theirs,
    rebase: 'Rebase onto Live',
    showVersions: 'Show Versions',
    overwrite: 'Overwrite Live…',
    overwriteQuestion: 'Overwrite?',
    overwriteDetail: (theirs) => theirs,
    overwriteButton: 'Overwrite',
    bothChanged: (label) => `Both changed: ${label}`,
    whichValue: (base) => `Was ${base}.`,
    keepMine: 'Keep mine',
    keepTheirs: "Keep the tenant's",
    confirmPush: (n) => `Push to ${tenant}: ${n} changes?`,
    defaultReach: () => 'Reaches:',
    inheritedBy: (setting, n) => `${setting}: ${n} partners inherit it`,
    push: 'Push',
    impact: {
      line: (result) => impactSummaryLine(result, tenant, names),
      rows: (evaluation) => describeImpact(evaluation, names),
      row: (r) => ({
        label: r.user,
        description: `${r.app} (${r.organization}): ${r.verdict}`,
        detail: r.why.join('; '),
      }),
      failed: (reason) => `Who this change would block could not be checked: ${reason}`,
      cancelled: 'The sign-in check was cancelled.',
      showAffected: 'Show Who Is Affected',
      listTitle: `Who this change would affect in ${tenant}`,
      listPlaceholder: 'Pick a row or press Escape',
      openAsDocument: 'Open the list as a document',
    },
    more: (hidden) => `… and ${hidden} more`,
  };
}

/** A partner push of `tenantId`'s extension over the sandbox: Graph for real, the editor recorded. */
class SandboxHost implements PushHost {
  readonly shownImpacts: EvaluatedImpact[] = [];
  readonly client: GraphClient;

  constructor(
    readonly graph: InProcessGraph,
    readonly tenantId: string,
    readonly partnerTenantId: string,
    client?: GraphClient,
    readonly preview: PushHost['previewImpact'] = (before, after) =>
      previewImpact({
        client: this.client,
        limiter: graph.limiter(),
        before,
        after,
        days: 7,
        now: new Date(ANCHOR),
      }),
  ) {
    this.client = client ?? graph.client(tenantId);
  }

  async readLive(): Promise<Record<string, unknown>> {
    return (await getPartner(this.client, this.partnerTenantId)) as unknown as Record<
      string,
      unknown
    >;
  }
  partners = () => listPartners(this.client, { expandIdentitySync: false });
  defaults = () => getDefaultConfiguration(this.client);
  previewImpact: PushHost['previewImpact'] = (before, after) => this.preview(before, after);
  showImpact(result: EvaluatedImpact): Promise<void> {
    this.shownImpacts.push(result);
    return Promise.resolve();
  }
  send = (plan: { patch: Record<string, unknown> }) =>
    updatePartner(this.client, this.partnerTenantId, plan.patch);
  checkAgainstLive = () => [];
  showVersions = () => Promise.resolve();
  saveRebased = () => Promise.resolve();
  nothingToPush = () => Promise.resolve();
  pushed = () => Promise.resolve();
}

/** The draft of the host's partner with `change` applied, as the editor would push it. */
async function draftOf(
  host: SandboxHost,
  change: Record<string, unknown>,
): Promise<Parameters<typeof runPush>[0]> {
  const live = await host.readLive();
  const identity: DocumentIdentity = {
    kind: 'partner',
    tenantId: host.tenantId,
    partnerTenantId: host.partnerTenantId,
    label: nameOf(host.partnerTenantId),
  };
  const text = toCanonicalText('partner', { ...live, ...change });
  return {
    identity,
    source: 'draft',
    text,
    diagnostics: checkDocument('partner', text, {
      schemas: schemas(),
      expectedTenantId: host.partnerTenantId,
    }),
    base: toCanonicalText('partner', live),
  };
}

async function push(
  host: SandboxHost,
  change: Record<string, unknown>,
  steps: readonly Step[],
): Promise<{ result: PushResult; ui: ScriptedUserInput }> {
  const doc = await draftOf(host, change);
  host.graph.log.length = 0;
  const ui = new ScriptedUserInput(steps);
  const result = await runPush(doc, host, ui, words(nameOf(host.tenantId)));
  ui.assertDone();
  return { result, ui };
}

/** Contoso's own successful sign-ins at Tailspin in the last 7 days, read straight from the sandbox. */
async function contosoAtTailspin(graph: InProcessGraph): Promise<SignIn[]> {
  const token = graph.sandbox.mintToken({ tenantId: contoso });
  const all: SignIn[] = [];
  let url: string | undefined =
    `https://graph.microsoft.com/v1.0${SIGN_INS}?$filter=${encodeURIComponent(`createdDateTime ge ${new Date(ANCHOR - 7 * DAY).toISOString()}`)}`;
  while (url) {
    await graph.clock.sleep(11_000);
    const reply = (await (
      await graph.sandbox.fetch(url, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { value: SignIn[]; '@odata.nextLink'?: string };
    all.push(...reply.value);
    url = reply['@odata.nextLink'];
  }
  await graph.clock.sleep(11_000);
  return all.filter(
    (s) =>
      s.resourceTenantId === tailspin &&
      s.homeTenantId === contoso &&
      s.status?.errorCode === 0 &&
      Date.parse(s.createdDateTime!) < ANCHOR,
  );
}

describe('push flow with the impact preview (sandbox)', () => {
  it('Contoso blocking its users at Tailspin: the confirmation counts and names them, the list has every one, then the push is sent', async () => {
    const graph = new InProcessGraph();
    const expected = await contosoAtTailspin(graph);
    const users = new Set(expected.map((s) => s.userPrincipalName));
    const apps = new Set(expected.map((s) => s.appDisplayName));
    const pairs = new Set(expected.map((s) => `${s.userId}|${s.appId}`));
    assert.ok(users.size > 5, 'enough seeded users to cut the list');
    const host = new SandboxHost(graph, contoso, tailspin);
    const { result, ui } = await push(host, { b2bCollaborationOutbound: blockAll }, [
      {
        expect: /^Push to Contoso Group: 4 changes\?/,
        answer: { confirm: 'Show Who Is Affected' },
      },
      {
        expect: 'Who this change would affect in Contoso Group',
        answer: { pick: /^Open the list/ },
      },
      { expect: /^Push to Contoso Group: 4 changes\?/, answer: { confirm: 'Push' } },
    ]);

    const [confirm, list, again] = ui.shown;
    const [, impact] = confirm.text.split('\n\n');
    const [line, ...named] = impact.split('\n');
    assert.equal(
      line,
      `${users.size} of your users signed in to ${apps.size} apps of Tailspin Toys in the last 7 days; ${users.size} of them would be blocked.`,
    );
    assert.equal(named.length, 6, 'five rows named, then how many more');
    assert.equal(named[5], `… and ${pairs.size - 5} more`);
    for (const row of named.slice(0, 5)) {
      const [, user, app] = /^• (\S+) — (.+) \(Tailspin Toys\): would be blocked$/.exec(row) ?? [];
      assert.ok(users.has(user), `${row}: a seeded user`);
      assert.ok(apps.has(app), `${row}: an app they signed in to`);
    }
    assert.deepEqual(confirm.choices, ['Push', 'Show Who Is Affected']);
    // The list: every affected user and app, after the item that opens it as a document.
    assert.equal(list.choices[0], 'Open the list as a document');
    assert.deepEqual(new Set(list.choices.slice(1)), users);
    assert.equal(list.choices.length, 1 + pairs.size);
    assert.equal(host.shownImpacts.length, 1);
    assert.equal(again.text, confirm.text, 'asked again, with the same words');

    assert.equal(result.pushed, true);
    assert.deepEqual(result.sent, { b2bCollaborationOutbound: blockAll });
    assert.equal(graph.requests(SIGN_INS).length, 7, 'one sign-in query per day, read once');
  });

  it('Northwind has no P1/P2: the line says the logs are unavailable, and the push goes after the usual confirmation', async () => {
    const graph = new InProcessGraph();
    const host = new SandboxHost(graph, northwind, contoso);
    const { result, ui } = await push(host, { b2bDirectConnectInbound: blockAll }, [
      { expect: /^Push to Northwind Traders: /, answer: { confirm: 'Push' } },
    ]);
    assert.match(
      ui.shown[0].text,
      /\n\nSign-in logs of Northwind Traders are unavailable \(no Microsoft Entra ID P1 or P2 licence\), so who this change would block is not known\.$/,
    );
    assert.deepEqual(ui.shown[0].choices, ['Push'], 'no list to show');
    assert.equal(result.pushed, true);
    assert.deepEqual(result.sent, { b2bDirectConnectInbound: blockAll });
  });

  it('without AuditLog.Read.All: the line names what is missing, and the push goes after the usual confirmation', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(contoso, (fetch) => (url, init) => {
      const headers = new Headers(init?.headers);
      const scp = ['Directory.Read.All', 'Policy.ReadWrite.CrossTenantAccess'];
      headers.set('authorization', `Bearer ${graph.sandbox.mintToken({ tenantId: contoso, scp })}`);
      return fetch(url, { ...init, headers });
    });
    const host = new SandboxHost(graph, contoso, tailspin, client);
    const { result, ui } = await push(host, { b2bCollaborationOutbound: blockAll }, [
      { expect: /^Push to Contoso Group: /, answer: { confirm: 'Push' } },
    ]);
    assert.match(
      ui.shown[0].text,
      /\n\nSign-in logs of Contoso Group could not be read \(they need AuditLog\.Read\.All and Directory\.Read\.All and a role such as Reports Reader\), so who this change would block is not known\.$/,
    );
    assert.deepEqual(ui.shown[0].choices, ['Push']);
    assert.equal(result.pushed, true);
  });

  it('a change that narrows nothing says so and reads no sign-in', async () => {
    const graph = new InProcessGraph();
    const host = new SandboxHost(graph, contoso, tailspin);
    const { ui } = await push(
      host,
      {
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: true,
        },
      },
      [{ expect: /^Push to Contoso Group: /, answer: { confirm: 'Push' } }],
    );
    assert.match(
      ui.shown[0].text,
      /\n\nThis change does not narrow access, so no sign-ins were checked\.$/,
    );
    assert.equal(graph.requests(SIGN_INS).length, 0);
  });

  it('a read that fails or is cancelled never stops the push: the line says so', async () => {
    for (const [error, said] of [
      [new Error('the network is down'), /could not be checked: the network is down$/],
      [Object.assign(new Error('aborted'), { name: 'AbortError' }), /check was cancelled\.$/],
    ] as const) {
      const graph = new InProcessGraph();
      const host = new SandboxHost(graph, contoso, tailspin, undefined, () =>
        Promise.reject(error),
      );
      const { result, ui } = await push(host, { b2bCollaborationOutbound: blockAll }, [
        { expect: /^Push to Contoso Group: /, answer: { confirm: 'Push' } },
      ]);
      assert.match(ui.shown[0].text, said);
      assert.equal(result.pushed, true);
    }
  });

  it('dismissing the list goes back to the question; declining it sends nothing', async () => {
    const graph = new InProcessGraph();
    const host = new SandboxHost(graph, contoso, tailspin);
    const doc = await draftOf(host, { b2bCollaborationOutbound: blockAll });
    const ui = new ScriptedUserInput([
      { expect: /^Push to Contoso Group: /, answer: { confirm: 'Show Who Is Affected' } },
      { expect: 'Who this change would affect', answer: { cancel: true } },
      { expect: /^Push to Contoso Group: /, answer: { cancel: true } },
    ]);
    graph.log.length = 0;
    await assert.rejects(runPush(doc, host, ui, words('Contoso Group')), {
      name: 'UserCancelledError',
    });
    ui.assertDone();
    assert.equal(host.shownImpacts.length, 0);
    assert.equal(graph.log.filter((e) => e.method === 'PATCH').length, 0, 'nothing sent');
  });
});
