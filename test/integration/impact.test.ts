import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_DEFAULT_SCOPES } from '../../src/sandbox/auth/permissions';
import { TAILSPIN_PILOT_GROUP_ID } from '../../src/sandbox/seed/crossTenantAccess';
import { SANDBOX_TENANT_IDS } from '../../src/sandbox/seed/tenants';
import {
  changesSince,
  discardIfDraft,
  extensionApi,
  freshSandbox,
  nodeAt,
  openFromTree,
  runAnswering,
  waitFor,
} from './api';

// Issue 17, impact preview: in the real VS Code on the sandbox, the push confirmation of a
// narrowing change names the users and apps it would block, and "Who Uses This Partnership?" on
// Contoso's Tailspin partner shows the seeded users.

const { contoso } = SANDBOX_TENANT_IDS;
const PARTNERS = /^Partners \(\d+\)$/;
const IMPACT_SCHEME = 'xtenant-impact';
const blockAll = {
  usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'blocked',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

/** The UPNs of Contoso's Tailspin pilot group: the users the sandbox seeds signing in at Tailspin. */
async function pilotUsers(): Promise<Set<string>> {
  const sandbox = await (await extensionApi()).sandbox.get();
  const token = sandbox.mintToken({ tenantId: contoso });
  const res = await sandbox.fetch(
    `https://graph.microsoft.com/v1.0/groups/${TAILSPIN_PILOT_GROUP_ID}/members?$top=999`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const body = (await res.json()) as { value: { userPrincipalName?: string }[] };
  return new Set(body.value.map((u) => u.userPrincipalName ?? ''));
}

/** A Markdown document as it reads rendered: backslash escapes removed. */
const rendered = (text: string): string => text.replace(/\\(.)/g, '$1');

/** The impact document opened last, once it is open. */
async function impactDocument(before: number): Promise<vscode.TextDocument> {
  return waitFor(
    'the impact document',
    () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === IMPACT_SCHEME)[before],
  );
}

/** Contoso's Tailspin partner opened from the tree, with `change` saved into its draft. */
async function editTailspin(change: Record<string, unknown>): Promise<vscode.TextDocument> {
  const api = await extensionApi();
  const item = api.tree.getTreeItem(
    await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS, 'Tailspin Toys'),
  );
  const editor = await openFromTree(item);
  const doc = editor.document;
  const value = { ...(JSON.parse(doc.getText()) as Record<string, unknown>), ...change };
  await editor.edit((b) =>
    b.replace(
      new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
      JSON.stringify(value, null, 2) + '\n',
    ),
  );
  assert.ok(await doc.save());
  return doc;
}

describe('impact preview (issue 17)', function () {
  // One sign-in query per day within 5 per 10 s: a 7-day read waits about 11 s.
  this.timeout(90_000);

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await freshSandbox();
  });

  afterEach(async () => {
    (await extensionApi()).sandbox.setConsentedPermissions(contoso, undefined);
    for (const d of vscode.workspace.textDocuments.filter((x) => x.uri.scheme === 'xtenant'))
      await discardIfDraft(d.uri);
  });

  it("names the users and apps a push blocking Contoso's users at Tailspin would block, and lists them all", async () => {
    const pilot = await pilotUsers();
    const doc = await editTailspin({ b2bCollaborationOutbound: blockAll });
    const opened = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === IMPACT_SCHEME);
    const mark = (await extensionApi()).sandboxRequests().length;
    const { ui } = await runAnswering(
      [
        { expect: /^Push to Contoso Group: /, answer: { confirm: 'Show Who Is Affected' } },
        { expect: /^Who this change would affect in Contoso Group/, answer: { pick: /document/ } },
        { expect: /^Push to Contoso Group: /, answer: { cancel: true } },
      ],
      'crossTenant.push',
      doc.uri,
    );
    const confirm = ui.shown[0];
    const line =
      /\n(\d+) of your users signed in to (\d+) apps of Tailspin Toys in the last 7 days; (\d+) of them would be blocked\.\n/.exec(
        confirm.text,
      );
    assert.ok(line, confirm.text);
    const [, users, , blocked] = line;
    assert.equal(blocked, users, 'blocking everyone blocks every one of them');
    const named = [
      ...confirm.text.matchAll(/^• (\S+) — (.+) \(Tailspin Toys\): would be blocked$/gm),
    ];
    assert.equal(named.length, 5, confirm.text);
    for (const [, user, app] of named) {
      assert.ok(pilot.has(user), `${user} is one of the seeded pilot users`);
      assert.match(app, /^(Tailspin Partner Portal|Office 365 SharePoint Online|Microsoft Teams)$/);
    }
    assert.deepEqual(confirm.choices, ['Push', 'Show Who Is Affected']);

    // The list, as a document: every blocked user with app, last sign-in and reason.
    const text = rendered((await impactDocument(opened.length)).getText());
    assert.match(text, /^# Who the push to Contoso Group would affect/);
    const listed = new Set([...text.matchAll(/^\| (\S+@contoso\.com) \| /gm)].map((m) => m[1]));
    assert.equal(listed.size, Number(users));
    for (const user of listed) assert.ok(pilot.has(user), user);
    assert.match(
      text,
      /\| Tailspin Partner Portal \| Tailspin Toys \| your user, signing in there \|/,
    );
    assert.match(text, /B2B collaboration outbound, users and groups: not allowed/);
    assert.deepEqual(await changesSince(mark), [], 'declined: nothing was sent');
  });

  it('says the sign-ins could not be read without AuditLog.Read.All, and pushes after the usual confirmation', async () => {
    const api = await extensionApi();
    // An admin who did not consent to reading audit logs; a token keeps the scopes it was issued with.
    api.sandbox.setConsentedPermissions(
      contoso,
      SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'AuditLog.Read.All'),
    );
    await vscode.commands.executeCommand('crossTenant.signOut', `sandbox:${contoso}`);
    await vscode.commands.executeCommand('crossTenant.signIn', `sandbox:${contoso}`);
    try {
      const doc = await editTailspin({ b2bCollaborationOutbound: blockAll });
      const mark = api.sandboxRequests().length;
      const { ui } = await runAnswering(
        [{ expect: /^Push to Contoso Group: /, answer: { confirm: 'Push' } }],
        'crossTenant.push',
        doc.uri,
      );
      assert.match(
        ui.shown[0].text,
        /\n\nSign-in logs of Contoso Group could not be read \(they need AuditLog\.Read\.All and Directory\.Read\.All and a role such as Reports Reader\), so who this change would block is not known\.$/,
      );
      assert.deepEqual(ui.shown[0].choices, ['Push']);
      const writes = await changesSince(mark);
      assert.deepEqual(
        writes.map((w) => [w.method, w.status]),
        [['PATCH', 204]],
      );
    } finally {
      api.sandbox.setConsentedPermissions(contoso, undefined);
      await vscode.commands.executeCommand('crossTenant.signOut', `sandbox:${contoso}`);
      await vscode.commands.executeCommand('crossTenant.signIn', `sandbox:${contoso}`);
    }
  });

  it("Who Uses This Partnership? on Contoso's Tailspin partner lists the seeded users who signed in there", async () => {
    const api = await extensionApi();
    const pilot = await pilotUsers();
    const node = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Tailspin Toys',
    );
    const { result } = await runAnswering<{ uri: string; rows: number }>(
      [],
      'crossTenant.whoUsesPartnership',
      node,
    );
    assert.ok(result.rows > 0);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    assert.match(doc.uri.path, /\/Contoso Group\/Who uses the partnership with Tailspin Toys\.md$/);
    const text = rendered(doc.getText());
    assert.match(
      text,
      /^## Users of Tailspin Toys signing in to Contoso Group\n\nNo user of Tailspin Toys signed in to Contoso Group in the last 7 days\.$/m,
    );
    assert.match(
      text,
      /^## Users of Contoso Group signing in to Tailspin Toys\n\n\d+ users of Contoso Group signed in to \d+ apps of Tailspin Toys in the last 7 days\./m,
    );
    const listed = [...text.matchAll(/^\| (\S+@contoso\.com) \| ([^|]+) \| ([^|]+) \| (\d+) \|/gm)];
    const succeeded = new Set(listed.filter((m) => Number(m[4]) > 0).map((m) => m[1]));
    assert.ok(succeeded.size > 5);
    for (const user of succeeded) assert.ok(pilot.has(user), `${user} is a seeded pilot user`);
    assert.ok(listed.some((m) => m[3].trim() === 'Tailspin Partner Portal'));
    // Names, not ids: each row carries the user's display name.
    assert.ok(listed.every((m) => m[2].trim() !== '—'));
  });
});
