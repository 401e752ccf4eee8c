import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_SYNC_CONFIGURATIONS } from '../../src/sandbox/seed/syncConfigurations';
import { SANDBOX_TENANT_IDS } from '../../src/sandbox/seed/tenants';
import type { ScriptedUserInput, Step } from '../support/scriptedUserInput';
import { evaluateWhen } from '../support/whenClause';
import {
  changesSince,
  discardIfDraft,
  extensionApi,
  freshSandbox,
  idsOf,
  labelOf,
  logMark,
  nodeAt,
  openFromTree,
  readLog,
  readdSandboxTenant,
  runAnswering,
  tenantItems,
} from './api';

// Issue 15 §1: an action started on a node acts on that node's tenant. Every command of a node
// under a tenant (package.json's view/item/context menus) is run here on a tenant that is not the
// first in the view, where a command that asked "which tenant?" again (with the first one
// preselected) was the bug. The scripted UserInput fails on any question not scripted, so a tenant
// pick fails the command; a command that changes something is cancelled at its first question.

const CONTOSO = SANDBOX_TENANT_IDS.contoso;
const FABRIKAM = SANDBOX_TENANT_IDS.fabrikam;
const PARTNERS = /^Partners \(\d+\)$/;
const ACCESS = 'Cross-tenant access';
const SYNC = 'Cross-tenant synchronization';
const FABRIKAM_SYNC = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;

type Api = Awaited<ReturnType<typeof extensionApi>>;
type Node = Awaited<ReturnType<Api['tree']['getChildren']>>[number];

/** The nodes of each kind the cases run on: all under Contoso or Fabrikam, neither first. */
const NODES = {
  access: () => at('Contoso Group', ACCESS),
  partners: () => at('Contoso Group', ACCESS, PARTNERS),
  partner: () => at('Contoso Group', ACCESS, PARTNERS, 'Fabrikam Retail'),
  /** Contoso's Northwind partner with a draft saved (see `before`). */
  modifiedPartner: () => at('Contoso Group', ACCESS, PARTNERS, 'Northwind Traders'),
  identitySync: () =>
    at('Fabrikam Retail', ACCESS, PARTNERS, 'Contoso Group', 'Identity synchronization'),
  basePolicy: () => at('Contoso Group', ACCESS, 'Base policy'),
  defaultSettings: () => at('Contoso Group', ACCESS, 'Default settings'),
  sync: () => at('Contoso Group', SYNC),
  syncConfiguration: () => at('Contoso Group', SYNC, 'Fabrikam Retail'),
  assignments: () => at('Contoso Group', SYNC, 'Fabrikam Retail', 'Users and groups in scope'),
  assignment: () => at('Contoso Group', SYNC, 'Fabrikam Retail', 'Users and groups in scope', /./),
  job: () => jobNode(),
} as const;
type Kind = keyof typeof NODES;

async function at(...path: (string | RegExp)[]): Promise<Node> {
  return nodeAt(await extensionApi(), ...path);
}

async function jobNode(): Promise<Node> {
  const api = await extensionApi();
  const children = await api.tree.getChildren(await NODES.syncConfiguration());
  const job = children.find((n) =>
    String(api.tree.getTreeItem(n).contextValue).startsWith('syncJob.'),
  );
  assert.ok(job, 'the Fabrikam configuration has its job');
  return job;
}

/** What a case sees after its command ran. */
interface Ran {
  readonly result: unknown;
  readonly ui: ScriptedUserInput;
  /** Requests that change something, sent by the command. */
  readonly writes: Awaited<ReturnType<typeof changesSince>>;
  /** Every request since the command started (reads included). */
  readonly requests: readonly { method: string; path: string; tokenTenantId?: string }[];
}

interface Case {
  readonly command: string;
  readonly on: Kind;
  /** The questions answered; a command that changes something is cancelled at the first. */
  readonly steps: readonly Step[];
  /** What shows it acted on the node's tenant. */
  readonly check: (ran: Ran) => void | Promise<void>;
}

const cancel = (expect: string | RegExp): Step => ({ expect, answer: { cancel: true } });

const nothingWritten = ({ writes }: Ran): void =>
  assert.deepEqual(writes, [], 'nothing is sent before the question is answered');
const asked =
  (words: RegExp, then: (ran: Ran) => void = nothingWritten) =>
  (ran: Ran): void => {
    assert.match(ran.ui.shown[0]?.text ?? '', words, ran.ui.describeShown());
    then(ran);
  };
/** The editor the command opened is one of `tenantId`'s documents. */
const openedIn =
  (tenantId: string, scheme = 'xtenant') =>
  (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    assert.equal(uri?.scheme, scheme, uri?.toString());
    assert.equal(idsOf(uri).tenant, tenantId, uri.toString());
    assert.doesNotMatch(uri.path, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'the path a tab shows is names');
  };
/** A read of `path` was made with `tenantId`'s token (background checks may read others too). */
function readIn(tenantId: string, path: RegExp, requests: Ran['requests']): void {
  const matching = requests.filter((r) => path.test(r.path));
  assert.ok(
    matching.some((r) => r.tokenTenantId === tenantId),
    `a read of ${String(path)} for ${tenantId}: ${matching.map((r) => `${r.method} ${r.path} ${r.tokenTenantId}`).join('; ') || 'none'}`,
  );
}
const wroteIn =
  (tenantId: string, ...paths: RegExp[]) =>
  ({ writes }: Ran): void =>
    assert.deepEqual(
      writes.map((w) => [paths.findIndex((p) => p.test(w.path)), w.tokenTenantId]),
      paths.map((_p, i) => [i, tenantId]),
      writes.map((w) => `${w.method} ${w.path}`).join('; '),
    );

const POLICY_NODES: Kind[] = [
  'partner',
  'modifiedPartner',
  'identitySync',
  'basePolicy',
  'defaultSettings',
];
const tenantOf = (on: Kind): string => (on === 'identitySync' ? FABRIKAM : CONTOSO);

const CASES: readonly Case[] = [
  // Partners (N)
  {
    command: 'crossTenant.addPartner',
    on: 'partners',
    steps: [cancel('Add Partner to Contoso Group')],
    check: asked(/^Add Partner to Contoso Group\n/),
  },
  ...(['access', 'partners', 'sync', 'syncConfiguration'] as const).map((on): Case => ({
    command: 'crossTenant.refresh',
    on,
    steps: [],
    check: () => undefined, // its reload is checked in the test below
  })),
  // A partner
  ...POLICY_NODES.map((on): Case => ({
    command: 'crossTenant.openPolicy',
    on,
    steps: [],
    check: openedIn(tenantOf(on)),
  })),
  ...POLICY_NODES.map((on): Case => ({
    command: 'crossTenant.diffWithLive',
    on,
    steps: [],
    check: ({ result }) =>
      assert.match(
        String(result),
        {
          basePolicy: /^Base policy of Contoso Group: live ↔ /,
          defaultSettings: /^Default settings of Contoso Group: live ↔ /,
          partner: /^Contoso Group › partner Fabrikam Retail: live ↔ /,
          modifiedPartner: /^Contoso Group › partner Northwind Traders: live ↔ /,
          identitySync: /^Fabrikam Retail › identity synchronization of Contoso Group: live ↔ /,
        }[on as string] ?? /never/,
      ),
  })),
  ...(['partner', 'modifiedPartner'] as const).flatMap((on): Case[] => [
    {
      command: 'crossTenant.openEffective',
      on,
      steps: [],
      check: openedIn(CONTOSO, 'xtenant-effective'),
    },
    {
      command: 'crossTenant.copyTenantId',
      on,
      steps: [],
      check: ({ result }) =>
        assert.equal(
          result,
          on === 'partner' ? FABRIKAM : SANDBOX_TENANT_IDS.northwind,
          "the partner's id, as Contoso names it",
        ),
    },
    {
      command: 'crossTenant.allowUserSync',
      on,
      steps: [cancel(/ to sync users into Contoso Group\?/)],
      check: asked(/to sync users into Contoso Group\?/),
    },
    {
      command: 'crossTenant.whoUsesPartnership',
      on,
      steps: [],
      check: ({ result, requests }) => {
        assert.match(
          vscode.Uri.parse(String((result as { uri?: string }).uri)).path,
          /\/Contoso Group\/Who uses the partnership with (Fabrikam Retail|Northwind Traders)\.md$/,
        );
        readIn(CONTOSO, /\/auditLogs\/signIns(\?|$)/, requests);
      },
    },
    {
      command: 'crossTenant.deletePartner',
      on,
      steps: [cancel(/from Contoso Group\n/)],
      check: asked(/^Delete partner .* from Contoso Group\n/),
    },
  ]),
  {
    command: 'crossTenant.push',
    on: 'modifiedPartner',
    steps: [cancel(/^Push to Contoso Group: /)],
    check: asked(
      /^Push to Contoso Group: 1 change to the partner settings for Northwind Traders\?/,
    ),
  },
  {
    command: 'crossTenant.discardDraft',
    on: 'modifiedPartner',
    steps: [
      cancel(/^Discard your changes to Contoso Group › Northwind Traders\.xta-partner\.json\?/),
    ],
    check: nothingWritten,
  },
  // Identity synchronization (Fabrikam's, for its partner Contoso)
  {
    command: 'crossTenant.removeIdentitySync',
    on: 'identitySync',
    steps: [cancel(/from Fabrikam Retail\?/)],
    check: asked(/^Remove the identity synchronization of Contoso Group from Fabrikam Retail\?/),
  },
  // Default settings
  {
    command: 'crossTenant.resetDefault',
    on: 'defaultSettings',
    steps: [cancel('Reset the default settings of Contoso Group?')],
    check: asked(/^Reset the default settings of Contoso Group\?/, (ran) => {
      nothingWritten(ran);
      readIn(CONTOSO, /\/crossTenantAccessPolicy\/partners$/, ran.requests);
    }),
  },
  // Cross-tenant synchronization
  {
    command: 'crossTenant.newSyncConfiguration',
    on: 'sync',
    steps: [cancel('Sync users from Contoso Group to…')],
    // Its first question is the target, asked for Contoso as the source.
    check: asked(/^Sync users from Contoso Group to…\n/),
  },
  // A sync configuration
  ...(['syncConfiguration', 'assignments'] as const).map((on): Case => ({
    command: 'crossTenant.addAssignment',
    on,
    steps: [cancel('Type the start of a name, user principal name or email address')],
    check: asked(/^Assign to Fabrikam Retail in Contoso Group\n/),
  })),
  ...(['syncConfiguration', 'job'] as const).map((on): Case => ({
    command: 'crossTenant.showProvisioningLogs',
    on,
    steps: [],
    check: async () =>
      assert.ok(
        (await extensionApi()).logPanels.find(CONTOSO, FABRIKAM_SYNC.servicePrincipalId),
        "Contoso's panel for the configuration",
      ),
  })),
  {
    command: 'crossTenant.configureSync',
    on: 'syncConfiguration',
    steps: [cancel('Fabrikam Retail: target tenant')],
    check: asked(/^Fabrikam Retail: target tenant\n/, (ran) => {
      nothingWritten(ran);
      readIn(CONTOSO, /\/synchronization\/secrets$/, ran.requests);
    }),
  },
  {
    command: 'crossTenant.deleteSyncConfiguration',
    on: 'syncConfiguration',
    steps: [cancel('Delete sync configuration "Fabrikam Retail" from Contoso Group')],
    check: asked(/^Delete sync configuration "Fabrikam Retail" from Contoso Group\n/),
  },
  // An assignment
  {
    command: 'crossTenant.removeAssignment',
    on: 'assignment',
    steps: [cancel(/ from the scope of Fabrikam Retail\?/)],
    check: asked(/^Remove .* from the scope of Fabrikam Retail\?/),
  },
  // The sync job: Pause, then Start (offered on the paused job) change it without a question.
  {
    command: 'crossTenant.pauseJob',
    on: 'job',
    steps: [],
    check: wroteIn(CONTOSO, /\/synchronization\/jobs\/[^/]+\/pause$/),
  },
  {
    command: 'crossTenant.startJob',
    on: 'job',
    steps: [],
    check: wroteIn(CONTOSO, /\/synchronization\/jobs\/[^/]+\/start$/),
  },
  {
    command: 'crossTenant.restartJob',
    on: 'job',
    steps: [cancel('Restart Fabrikam Retail')],
    check: asked(/^Restart Fabrikam Retail\nWhat should the restart reset\?$/),
  },
  {
    command: 'crossTenant.provisionOnDemand',
    on: 'job',
    steps: [cancel('Type the start of a name, user principal name or email address')],
    check: asked(/^Provision on demand: Fabrikam Retail\n/),
  },
  {
    command: 'crossTenant.testConnection',
    on: 'job',
    steps: [],
    check: wroteIn(CONTOSO, /\/validateCredentials$/),
  },
  {
    command: 'crossTenant.showJobDetails',
    on: 'job',
    steps: [],
    check: ({ result }) => assert.match(String(result), new RegExp(`/${CONTOSO}/`)),
  },
  {
    command: 'crossTenant.copyJobId',
    on: 'job',
    steps: [],
    check: ({ result }) =>
      assert.match(
        String(result),
        new RegExp(`^Azure2Azure\\.${CONTOSO.replace(/-/g, '')}\\.`),
        "the id of Contoso's job",
      ),
  },
  {
    command: 'crossTenant.openSchema',
    on: 'job',
    steps: [],
    check: ({ result }) => {
      const uri = vscode.Uri.parse(String(result));
      assert.equal(idsOf(uri).tenant, CONTOSO, uri.toString());
      assert.equal(uri.path, '/Contoso Group/sync/Contoso Group › schema.xta-syncschema.json');
    },
  },
];

/** A question that names tenants to choose from: what an action started on a node must never ask. */
function isTenantPick(shown: ScriptedUserInput['shown'][number]): boolean {
  return (
    (shown.kind === 'pick' && /which (\(source\) )?tenant\?/i.test(shown.text)) ||
    (shown.choices.includes('Contoso Group') && shown.choices.includes('Fabrikam Retail'))
  );
}

/** Which menu items apply to a row of the Tenants view: its `when` clause, as VS Code evaluates it. */
function applies(when: string, contextValue: string): boolean {
  return evaluateWhen(when, { view: 'crossTenant.tenants', viewItem: contextValue });
}

describe('actions started on a node act on its tenant, not on the first one (issue 15 §1)', () => {
  before(async function () {
    this.timeout(60000);
    await freshSandbox();
    // Contoso first, then Fabrikam, go to the end of the list: neither is first any more.
    await readdSandboxTenant(CONTOSO, 'Contoso Group');
    await readdSandboxTenant(FABRIKAM, 'Fabrikam Retail');
    const first = labelOf((await tenantItems(await extensionApi()))[0]);
    assert.ok(!['Contoso Group', 'Fabrikam Retail'].includes(first), `first: ${first}`);
    // A draft of Contoso's Northwind partner, for Push and Discard Draft.
    const api = await extensionApi();
    const editor = await openFromTree(api.tree.getTreeItem(await NODES.modifiedPartner()));
    const doc = editor.document;
    const value = JSON.parse(doc.getText()) as { isServiceProvider?: boolean };
    value.isServiceProvider = !value.isServiceProvider;
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
        `${JSON.stringify(value, null, 2)}\n`,
      ),
    );
    assert.ok(await doc.save());
  });

  after(async () => {
    await discardIfDraft(
      vscode.Uri.parse(
        await vscode.commands.executeCommand<string>(
          'crossTenant.openPolicy',
          await NODES.modifiedPartner(),
        ),
      ),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('every command of a row under a tenant has a case here', async () => {
    const api = await extensionApi();
    const menus = (
      vscode.extensions.getExtension('cross-tenant-explorer.cross-tenant-explorer')!
        .packageJSON as {
        contributes: { menus: Record<string, { command: string; when?: string }[]> };
      }
    ).contributes.menus['view/item/context'];
    const contextValues = new Map<Kind, string[]>();
    for (const kind of Object.keys(NODES) as Kind[])
      contextValues.set(kind, [String(api.tree.getTreeItem(await NODES[kind]()).contextValue)]);
    // Start is offered on the job once it is paused, which the Pause case does.
    contextValues.get('job')!.push('syncJob.paused');
    assert.equal(contextValues.get('modifiedPartner')![0], 'partner.modified');
    const missing: string[] = [];
    for (const [kind, values] of contextValues)
      for (const item of menus)
        if (
          values.some((v) => applies(item.when ?? '', v)) &&
          !CASES.some((c) => c.command === item.command && c.on === kind)
        )
          missing.push(`${item.command} on ${kind}`);
    assert.deepEqual([...new Set(missing)], []);
  });

  for (const c of CASES) {
    const title = `${c.command.replace('crossTenant.', '')} on ${c.on} acts on ${c.on === 'identitySync' ? 'Fabrikam' : 'Contoso'}`;
    it(title, async () => {
      const api = await extensionApi();
      const node = await NODES[c.on]();
      const mark = api.sandboxRequests().length;
      const logged = await logMark();
      const { result, ui } = await runAnswering(c.steps, c.command, node);
      const log = (await readLog(api.logUri)).slice(logged);
      assert.doesNotMatch(log, new RegExp(`${c.command.replace('.', '\\.')} failed`), log);
      assert.deepEqual(
        ui.shown.filter(isTenantPick).map((s) => s.text),
        [],
        'no tenant was asked for',
      );
      await c.check({
        result,
        ui,
        writes: await changesSince(mark),
        requests: api.sandboxRequests().slice(mark),
      });
    });
  }

  it("refresh on a row reloads that row's part of its own tenant", async () => {
    const api = await extensionApi();
    await api.tree.getChildren(await NODES.access());
    // The view may reload what the refresh dropped at once: count from before it.
    const mark = api.sandboxRequests().length;
    await runAnswering([], 'crossTenant.refresh', await NODES.partners());
    await api.tree.getChildren(await NODES.access());
    readIn(CONTOSO, /\/crossTenantAccessPolicy\/partners(\?|$)/, api.sandboxRequests().slice(mark));
  });
});
