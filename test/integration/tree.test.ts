import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SyncJobNode } from '../../src/tree/syncNode';
import {
  childItems,
  readdSandboxTenant,
  extensionApi,
  freshSandbox,
  labelOf,
  logAfter,
  logMark,
  nodeAt,
  tenantItems,
  waitFor,
} from './api';

const PARTNERS = /^Partners \(\d+\)$/;

describe('the Tenants tree', () => {
  before(async () => {
    await freshSandbox();
  });

  it("shows each tenant's cross-tenant access and synchronization", async () => {
    const api = await extensionApi();
    const labels = (await childItems(api, await nodeAt(api, 'Contoso Group'))).map(labelOf);
    assert.deepEqual(labels, ['Cross-tenant access', 'Cross-tenant synchronization']);
    const access = (
      await childItems(api, await nodeAt(api, 'Contoso Group', 'Cross-tenant access'))
    ).map(labelOf);
    assert.equal(access[0], 'Base policy');
    assert.equal(access[1], 'Default settings');
    assert.match(access[2], PARTNERS);
  });

  it('names partners by organization and domain, not GUID, with what they allow', async () => {
    const api = await extensionApi();
    const partners = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    const byName = new Map(partners.map((p) => [labelOf(p), p]));
    for (const name of ['Fabrikam Retail', 'Northwind Traders', 'Tailspin Toys'])
      assert.ok(byName.has(name), `${name} in ${[...byName.keys()].join(', ')}`);
    assert.ok(
      partners.every((p) => !/^[0-9a-f-]{36}$/.test(labelOf(p))),
      'no partner is labelled with a GUID',
    );
    const fabrikam = byName.get('Fabrikam Retail')!;
    assert.match(String(fabrikam.description), /^fabrikamretail\.onmicrosoft\.com · /);
    assert.match(
      String(fabrikam.description),
      /auto-redeem in ✗ out ✓/,
      'Contoso redeems automatically outbound to Fabrikam',
    );
    const northwind = String(byName.get('Northwind Traders')!.description);
    assert.match(
      northwind,
      /(^|· )direct connect in ◐ out ✓/,
      'direct connect: inbound for Office 365 only, outbound for everything, set on the partner itself',
    );
  });

  it('distinguishes values set on the partner from values inherited from the default', async () => {
    const api = await extensionApi();
    const partners = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    const northwind = partners.find((p) => labelOf(p) === 'Northwind Traders')!;
    const description = String(northwind.description);
    assert.match(
      description,
      /\(B2B in [✓✗◐] out [✓✗◐]\)/,
      `B2B collaboration is inherited: ${description}`,
    );
    assert.doesNotMatch(description, /\(direct connect/, 'direct connect is explicit');
    // Markdown-escaped text from Graph: compare the text as it reads.
    const tooltip = (northwind.tooltip as vscode.MarkdownString).value.replace(/\\/g, '');
    assert.match(tooltip, /B2B collaboration inbound \| [a-z]+ \| _default_/);
    assert.match(
      tooltip,
      /B2B direct connect inbound \| users allowed: AllUsers; apps allowed: Office365 \| partner/,
    );
    assert.match(tooltip, /B2B direct connect outbound \| allowed \| partner/);
  });

  it('shows identity synchronization under the partner that has it', async () => {
    const api = await extensionApi();
    const children = await childItems(
      api,
      await nodeAt(api, 'Fabrikam Retail', 'Cross-tenant access', PARTNERS, 'Contoso Group'),
    );
    assert.equal(labelOf(children[0]), 'Identity synchronization');
    assert.equal(children[0].description, 'user sync inbound allowed');
  });

  it('shows sync configurations with job status, the quarantined one explained', async () => {
    const api = await extensionApi();
    const configs = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant synchronization'),
    );
    assert.ok(configs.length >= 2, configs.map(labelOf).join(', '));
    const jobs = (
      await Promise.all(
        (
          await api.tree.getChildren(
            await nodeAt(api, 'Contoso Group', 'Cross-tenant synchronization'),
          )
        ).map((c) => childItems(api, c)),
      )
    ).flat();
    const quarantined = jobs.find((j) => String(j.contextValue) === 'syncJob.quarantine');
    assert.ok(quarantined, `a quarantined job among ${jobs.map((j) => j.description).join(' | ')}`);
    assert.equal(labelOf(quarantined), 'Quarantined');
    const tooltip = (quarantined.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /What to do:/);
    assert.match(tooltip, /every 40 minutes \(fixed for cross-tenant sync\)/);
    const active = jobs.find((j) => String(j.contextValue) === 'syncJob.active');
    assert.ok(active, 'a healthy job');
    assert.equal(labelOf(active), 'Active');
    assert.match(
      String(active.description),
      /^last run .* ago.* · next (in \d+|any moment|run due)/,
    );
  });

  it('shows the job id in the tooltip as Graph has it, and Copy Job Id copies exactly that (issue 16 §9)', async () => {
    const api = await extensionApi();
    const config = await nodeAt(api, 'Contoso Group', 'Cross-tenant synchronization', /Fabrikam/);
    const job = (await api.tree.getChildren(config)).find((n) => n.kind === 'syncJob') as
      SyncJobNode | undefined;
    assert.ok(job, 'the Fabrikam configuration has its job');
    const id = job.job.id!;
    assert.match(id, /^Azure2Azure\.[0-9a-f]{32}\.[0-9a-f-]{36}$/, 'the id as Graph returns it');
    const tooltip = (api.tree.getTreeItem(job).tooltip as vscode.MarkdownString).value;
    // A code span renders its text as it is: the row must hold the id itself, no escapes.
    assert.ok(tooltip.includes(`| Job id | \`${id}\` |`), tooltip);
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('crossTenant.copyJobId', job), id);
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  it("opens a partner's policy from the tree as canonical JSON", async () => {
    const api = await extensionApi();
    const partner = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Fabrikam Retail',
    );
    const item = api.tree.getTreeItem(partner);
    assert.equal(item.command?.command, 'crossTenant.openPolicy');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the partner document', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'xtenant'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(
      editor.document.uri.path,
      '/Contoso Group/partners/Contoso Group › Fabrikam Retail.xta-partner.json',
    );
    const json = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    assert.ok('automaticUserConsentSettings' in json);
    assert.ok(!('tenantId' in json), 'the tenant id lives in the URI, not in the text');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows an error node with the missing permission when Graph answers 403, and recovers', async () => {
    const api = await extensionApi();
    const northwind = (await tenantItems(api)).find((i) => labelOf(i) === 'Northwind Traders')!;
    const tenantId = northwind.id!.replace(/^sandbox:/, '');
    api.sandbox.setConsentedPermissions(tenantId, ['User.Read']);
    try {
      await readdSandboxTenant(tenantId, 'Northwind Traders');
      await waitFor('Northwind signed in', async () =>
        (await tenantItems(api)).find(
          (i) =>
            labelOf(i) === 'Northwind Traders' &&
            String(i.contextValue).startsWith('tenant.signedIn'),
        ),
      );
      const mark = await logMark();
      const children = await childItems(
        api,
        await nodeAt(api, 'Northwind Traders', 'Cross-tenant access'),
      );
      assert.equal(children.length, 1);
      assert.equal(children[0].contextValue, 'message.error');
      assert.match(labelOf(children[0]), /Policy\.Read\.All/);
      assert.equal(children[0].command?.command, 'crossTenant.refresh');
      // The node's tooltip sends the user to the log: the full detail is there.
      // appendText escapes the text as Markdown (spaces as &nbsp;, punctuation with backslashes).
      const tooltip = (children[0].tooltip as vscode.MarkdownString).value
        .replace(/&nbsp;/g, ' ')
        .replace(/\\/g, '');
      assert.match(tooltip, /the full detail is in the log \(Cross-Tenant: Show Log\)/);
      await logAfter(
        mark,
        /Tenants view: Northwind Traders › Cross-tenant access could not be loaded: GraphError 403 /,
      );
      // The sync part of the same tenant is unaffected by the access failure: it fails on its own.
      const top = (await childItems(api, await nodeAt(api, 'Northwind Traders'))).map(labelOf);
      assert.deepEqual(top, ['Cross-tenant access', 'Cross-tenant synchronization']);
    } finally {
      api.sandbox.setConsentedPermissions(tenantId, undefined);
    }
    await readdSandboxTenant(tenantId, 'Northwind Traders');
    const access = await childItems(
      api,
      await nodeAt(api, 'Northwind Traders', 'Cross-tenant access'),
    );
    assert.equal(labelOf(access[0]), 'Base policy');
  });

  it('shows an error node when Graph stays unavailable (503), and loads after a retry', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand(
      'crossTenant.refresh',
      await nodeAt(api, 'Tailspin Toys', 'Cross-tenant access'),
    );
    const sandbox = await api.sandbox.get();
    sandbox.faults.set({ unavailable: { count: 50, retryAfterSeconds: 0 } });
    let errorNode;
    try {
      const children = await api.tree.getChildren(
        await nodeAt(api, 'Tailspin Toys', 'Cross-tenant access'),
      );
      errorNode = children[0];
      const item = api.tree.getTreeItem(errorNode);
      assert.equal(item.contextValue, 'message.error');
      assert.match(labelOf(item), /unavailable|try again/i);
    } finally {
      sandbox.faults.clear();
    }
    await vscode.commands.executeCommand('crossTenant.refresh', errorNode);
    const access = await childItems(api, await nodeAt(api, 'Tailspin Toys', 'Cross-tenant access'));
    assert.equal(labelOf(access[0]), 'Base policy');
  });

  it('shows a partner created behind its back after a refresh', async () => {
    const api = await extensionApi();
    const contoso = (await tenantItems(api))
      .find((i) => labelOf(i) === 'Contoso Group')!
      .id!.replace(/^sandbox:/, '');
    const woodgrove = (await tenantItems(api))
      .find((i) => labelOf(i) === 'Woodgrove Bank')!
      .id!.replace(/^sandbox:/, '');
    const before = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    assert.ok(!before.some((p) => labelOf(p) === 'Woodgrove Bank'));
    // Another admin adds the partner directly through Graph.
    const sandbox = await api.sandbox.get();
    const token = sandbox.mintToken({
      tenantId: contoso,
      scp: ['Policy.ReadWrite.CrossTenantAccess'],
    });
    const res = await sandbox.fetch(
      'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: woodgrove }),
      },
    );
    assert.equal(res.status, 201);
    const stale = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    assert.equal(stale.length, before.length, 'the tree keeps what it loaded until refreshed');
    await vscode.commands.executeCommand(
      'crossTenant.refresh',
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access'),
    );
    const after = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    assert.ok(
      after.some((p) => labelOf(p) === 'Woodgrove Bank'),
      after.map(labelOf).join(', '),
    );
  });
});
