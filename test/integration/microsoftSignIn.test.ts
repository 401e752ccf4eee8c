import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as SandboxModule from '../../src/sandbox';
import { TokenIssuer } from '../support/tokenIssuer';
import type { Step } from '../support/scriptedUserInput';
import {
  EXTENSION_ID,
  extensionApi,
  freshSandbox,
  runAnswering,
  tenantItems,
  waitFor,
} from './api';

/** Add Tenant's questions for `tenantId` with VS Code's Microsoft account, in the global cloud. */
const addWithMicrosoftAccount = (tenantId: string): Step[] => [
  { expect: 'Add Tenant: how do you sign in?', answer: { pick: /Microsoft account$/ } },
  { expect: 'Add Tenant: tenant', answer: { input: tenantId } },
  { expect: 'Add Tenant: cloud', answer: { pick: 'Global' } },
];
/** Reset Default's confirmation, accepted. */
const RESET: Step = {
  expect: /^Reset the default settings of /,
  answer: { confirm: 'Reset to Microsoft Defaults' },
};
import type {
  MicrosoftAccountStandIn,
  ProviderRequest,
  StandInAccount,
} from './standIns/microsoftAuthentication/extension';

// The integration run replaces VS Code's Microsoft account provider with a stand-in that records
// what it is asked and answers with tokens signed by `issuer`; the HTTP sandbox checks them against
// the issuer's keys, as Graph checks Entra's. Graph requests of Microsoft-account tenants reach it
// through crossTenant.sandbox.url + crossTenant.sandbox.allTenants, through the extension's real
// Graph client and HTTP pipeline. The harness plays the user at VS Code's sign-in prompts and
// logs them to HARNESS_SIGN_IN_PROMPTS.

const GRAPH_CLI_TOOLS = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
const BROWSE = [
  'Policy.Read.All',
  'CrossTenantInformation.ReadBasic.All',
  'User.Read',
  'MultiTenantOrganization.ReadBasic.All',
  'Application.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All',
];
const EDIT = [...BROWSE, 'Policy.ReadWrite.CrossTenantAccess'];
const SYNC = [
  ...EDIT,
  'Application.ReadWrite.All',
  'Synchronization.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
];
const graphScopes = (permissions: readonly string[]): string[] =>
  permissions.map((p) => `https://graph.microsoft.com/${p}`);

/** A tooltip's Markdown as the user reads it (escapes removed). */
function shownText(tooltip: vscode.TreeItem['tooltip']): string {
  const text = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  return text.replace(/\\(.)/g, '$1');
}

interface Prompt {
  readonly message: string;
  readonly detail: string;
}

/** The sign-in prompts VS Code showed so far (the harness accepted each). */
function prompts(): Prompt[] {
  const file = process.env.HARNESS_SIGN_IN_PROMPTS;
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Prompt);
}

describe('signing in with a Microsoft account (VS Code provider stand-in, signed tokens)', function () {
  const issuer = TokenIssuer.create();
  let server: Awaited<ReturnType<typeof SandboxModule.startSandboxServer>>;
  let standIn: MicrosoftAccountStandIn;
  let ids: typeof SandboxModule.SANDBOX_TENANT_IDS;
  let contosoAdmin: StandInAccount;
  let fabrikamAdmin: StandInAccount;
  /** Overrides the lifetime of the tokens the stand-in hands out (seconds). */
  let lifetime: number | undefined;
  /** Who signs the stand-in's tokens: the issuer whose keys the sandbox trusts, unless a test says otherwise. */
  let signer = issuer;
  const key = (tenantId: string): string => `microsoft:${tenantId}`;

  /** What the provider was asked since `mark`, for one tenant. */
  const asked = (mark: number, tenantId?: string): ProviderRequest[] =>
    standIn.requests.slice(mark).filter((r) => !tenantId || r.tenantId === tenantId);

  async function stateOf(tenantId: string): Promise<string | undefined> {
    const item = (await tenantItems(await extensionApi())).find((i) => i.id === key(tenantId));
    return item ? String(item.contextValue).split('.')[1] : undefined;
  }

  const waitForState = (tenantId: string, state: string): Promise<true> =>
    waitFor(`${tenantId} ${state}`, async () => (await stateOf(tenantId)) === state || undefined);

  /** Graph as the sandbox's own tenant admin sees it, with a token signed by the issuer. */
  async function graph(tenantId: string, method: string, urlPath: string, scp: string[]) {
    const token = issuer.accessToken({
      tenantId,
      appId: GRAPH_CLI_TOOLS,
      scp,
      oid: '00000000-0000-4000-8000-000000000001',
    });
    const response = await fetch(`${server.url}/v1.0${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  before(async function () {
    if (!process.env.HARNESS_SIGN_IN_PROMPTS) this.skip(); // needs the harness to answer prompts
    const standInExtension = vscode.extensions.getExtension<MicrosoftAccountStandIn>(
      'vscode.microsoft-authentication',
    );
    assert.ok(standInExtension, 'the Microsoft account stand-in is loaded');
    standIn = await standInExtension.activate();
    assert.equal(typeof standIn.setTokenMinter, 'function', 'the stand-in replaced the built-in');
    standIn.reset();
    standIn.setTokenMinter((r) =>
      signer.accessToken({
        tenantId: r.tenantId,
        appId: r.clientId ?? 'aebc6443-996d-45c2-90f0-388ff96faa56',
        scp: r.permissions,
        oid: r.account.id.split('.')[0],
        upn: r.account.label,
        // VS Code's provider declares it can answer claims challenges.
        clientCapabilities: ['cp1'],
        issuedAt: r.issuedAt,
        lifetimeSeconds: lifetime ?? r.lifetimeSeconds,
      }),
    );
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle the extension ships
    const sandboxModule = require(path.join(root, 'dist', 'sandbox.js')) as typeof SandboxModule;
    ids = sandboxModule.SANDBOX_TENANT_IDS;
    server = await sandboxModule.startSandboxServer({
      port: 0,
      sandbox: sandboxModule.Sandbox.create({ signingKeys: issuer.jwks }),
    });
    const admin = async (tenantId: string): Promise<StandInAccount> => {
      const users = await graph(tenantId, 'GET', '/users?$top=1', ['User.ReadBasic.All']);
      const user = (users.body.value as { id: string; userPrincipalName: string }[])[0];
      // VS Code's account ids are MSAL home account ids: <object id>.<home tenant id>.
      return { id: `${user.id}.${tenantId}`, label: user.userPrincipalName };
    };
    contosoAdmin = await admin(ids.contoso);
    fabrikamAdmin = await admin(ids.fabrikam);
    const settings = vscode.workspace.getConfiguration('crossTenant');
    await settings.update('sandbox.url', server.url, vscode.ConfigurationTarget.Global);
    await settings.update('sandbox.allTenants', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!server) return;
    for (const id of [ids.contoso, ids.fabrikam])
      await runAnswering(
        [{ expect: / from the Tenants view\?/, answer: { confirm: 'Remove' } }],
        'crossTenant.removeTenant',
        key(id),
      );
    const settings = vscode.workspace.getConfiguration('crossTenant');
    await settings.update('sandbox.allTenants', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('sandbox.url', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('auth.clientId', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
    await freshSandbox();
  });

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const PROMPT =
    "The extension 'Cross-Tenant Explorer for Microsoft Entra' wants to sign in using Microsoft.";
  const CONTOSO_JOB = {
    servicePrincipal: { id: 'b3e1c7a9-52d4-4a8e-9f16-0c2d7e5b4a31' },
    job: {
      id: 'Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.8c5e2b71-3d9f-4a06-b1e4-6f7a0c3d9e52',
    },
  };

  /** The Graph requests the extension sent since `mark` for one tenant: [path, status]. */
  async function sent(graphMark: number, tenantId: string, pathPart?: string) {
    return (await extensionApi())
      .sandboxRequests()
      .slice(graphMark)
      .filter((r) => r.tokenTenantId === tenantId && (!pathPart || r.path.includes(pathPart)))
      .map((r) => [r.method, r.path, r.status]);
  }

  /** Signs the user's sessions out in Entra (Continuous access evaluation): Graph challenges older tokens. */
  async function revokeSessions(tenantId: string, account: StandInAccount): Promise<void> {
    // Token times are in seconds: let the second of the tokens in use pass first.
    await sleep(1100);
    const reply = await graph(
      tenantId,
      'POST',
      `/users/${account.id.split('.')[0]}/revokeSignInSessions`,
      ['User.RevokeSessions.All'],
    );
    assert.equal(reply.status, 200);
  }

  const decodedClaims = (notBeforeAtLeast: number) => (r: ProviderRequest) => {
    const claims = JSON.parse(r.claims ?? '{}') as {
      access_token?: { nbf?: { essential?: boolean; value?: string } };
    };
    return (
      claims.access_token?.nbf?.essential === true &&
      Number(claims.access_token.nbf.value) >= notBeforeAtLeast
    );
  };

  it('Add Tenant… asks VS Code for one session for that tenant: silently first, then with a prompt inside the command', async () => {
    const api = await extensionApi();
    standIn.signInAs(ids.contoso, contosoAdmin);
    const mark = standIn.requests.length;
    const shown = prompts().length;
    const graphMark = api.sandboxRequests().length;
    const { result: id } = await runAnswering(
      addWithMicrosoftAccount(ids.contoso),
      'crossTenant.addTenant',
    );
    assert.equal(id, ids.contoso);
    await waitForState(ids.contoso, 'signedIn');

    // Our silent request, VS Code's own look before it prompts, then the sign-in.
    const requests = asked(mark);
    assert.deepEqual(
      requests.map((r) => [r.provider, r.kind, r.answered]),
      [
        ['microsoft', 'getSessions', 0],
        ['microsoft', 'getSessions', 0],
        ['microsoft', 'createSession', 1],
      ],
    );
    for (const r of requests) {
      assert.deepEqual(r.scopes, [
        ...graphScopes(BROWSE),
        `VSCODE_TENANT:${ids.contoso}`,
        `VSCODE_CLIENT_ID:${GRAPH_CLI_TOOLS}`,
      ]);
      assert.equal(r.account, undefined, 'no account is remembered before the first sign-in');
    }
    const [prompt] = prompts()
      .slice(shown)
      .map((p) => ({ ...p, at: undefined }));
    assert.deepEqual(prompts().length, shown + 1);
    assert.deepEqual(prompt, {
      message: PROMPT,
      // Before the first sign-in the tenant's name is not known yet: only the id the user typed.
      detail: `Sign in to ${ids.contoso} to read and manage its cross-tenant settings.`,
      at: undefined,
    });
    const promptAt = (prompts().at(-1) as Prompt & { at: number }).at;
    assert.ok(requests[0].at < promptAt, 'the silent request came before the prompt');
    // The organization was read with the signed token, through the extension's Graph client.
    assert.deepEqual(await sent(graphMark, ids.contoso, '/organization'), [
      ['GET', '/v1.0/organization', 200],
    ]);
    const item = (await tenantItems(api)).find((i) => i.id === key(ids.contoso))!;
    assert.equal(item.label, 'Contoso Group');
    assert.ok(
      shownText(item.tooltip).includes(`Microsoft account (VS Code), ${contosoAdmin.label}`),
    );
  });

  it('asks for the edit and sync scopes only when first needed, silently for the remembered account', async () => {
    const api = await extensionApi();
    const writeScopes = ['Policy.ReadWrite.CrossTenantAccess', 'Synchronization.ReadWrite.All'];
    assert.ok(
      !standIn.requests.some((r) =>
        writeScopes.some((w) => r.resourceScopes.join(' ').includes(w)),
      ),
      'nothing asked for write scopes while browsing',
    );
    const shown = prompts().length;
    let mark = standIn.requests.length;
    const graphMark = api.sandboxRequests().length;
    assert.equal(
      (await runAnswering([RESET], 'crossTenant.resetDefault', key(ids.contoso))).result,
      true,
    );
    assert.deepEqual(
      asked(mark).map((r) => [r.kind, r.resourceScopes, r.account?.id, r.answered]),
      [['getSessions', graphScopes(EDIT), contosoAdmin.id, 1]],
    );
    assert.deepEqual(await sent(graphMark, ids.contoso, 'resetToSystemDefault'), [
      ['POST', '/v1.0/policies/crossTenantAccessPolicy/default/resetToSystemDefault', 204],
    ]);

    mark = standIn.requests.length;
    const record = { tenantId: ids.contoso, cloud: 'global', auth: 'microsoft' };
    assert.equal(
      await vscode.commands.executeCommand('crossTenant.pauseJob', {
        tenant: record,
        ...CONTOSO_JOB,
      }),
      true,
    );
    assert.deepEqual(
      asked(mark).map((r) => [r.kind, r.resourceScopes, r.account?.id, r.answered]),
      [['getSessions', graphScopes(SYNC), contosoAdmin.id, 1]],
    );
    assert.equal(prompts().length, shown, 'an admin who consented is not asked again');
  });

  it('a second tenant signs in with its own account; each tenant keeps asking for its own', async () => {
    const api = await extensionApi();
    standIn.signInAs(ids.fabrikam, fabrikamAdmin);
    let mark = standIn.requests.length;
    await runAnswering(addWithMicrosoftAccount(ids.fabrikam), 'crossTenant.addTenant');
    await waitForState(ids.fabrikam, 'signedIn');
    assert.deepEqual(
      asked(mark).map((r) => [r.tenantId, r.kind, r.answered]),
      [
        [ids.fabrikam, 'getSessions', 0],
        [ids.fabrikam, 'getSessions', 0],
        [ids.fabrikam, 'createSession', 1],
      ],
    );
    // Silent requests name each tenant's account: VS Code's own preference is the last account used.
    mark = standIn.requests.length;
    for (const id of [ids.fabrikam, ids.contoso])
      assert.equal((await runAnswering([RESET], 'crossTenant.resetDefault', key(id))).result, true);
    assert.deepEqual(
      asked(mark).map((r) => [r.tenantId, r.account?.label]),
      [[ids.fabrikam, fabrikamAdmin.label]],
      'Contoso has its edit token already; Fabrikam asks for its own account',
    );
    const tooltip = async (id: string) =>
      shownText((await tenantItems(api)).find((i) => i.id === key(id))!.tooltip);
    assert.ok((await tooltip(ids.contoso)).includes(contosoAdmin.label));
    assert.ok((await tooltip(ids.fabrikam)).includes(fabrikamAdmin.label));
  });

  it('crossTenant.auth.clientId is passed as VSCODE_CLIENT_ID (another app signs in again); empty passes none', async () => {
    const settings = vscode.workspace.getConfiguration('crossTenant');
    const own = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    for (const [value, expected] of [
      [own, own],
      ['', undefined],
      [undefined, GRAPH_CLI_TOOLS],
    ] as const) {
      await settings.update('auth.clientId', value, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('crossTenant.signOut', key(ids.contoso));
      const mark = standIn.requests.length;
      await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
      await waitForState(ids.contoso, 'signedIn');
      const requests = asked(mark, ids.contoso);
      assert.ok(requests.length > 0);
      for (const r of requests) {
        assert.equal(r.clientId, expected, `VSCODE_CLIENT_ID for ${String(value)}`);
        assert.equal(
          r.scopes.filter((s) => s.startsWith('VSCODE_CLIENT_ID:')).length,
          expected ? 1 : 0,
        );
      }
      // A new app needs its own sign-in; the default app's session is still there.
      assert.equal(
        requests.some((r) => r.kind === 'createSession'),
        expected !== GRAPH_CLI_TOOLS,
      );
    }
  });

  it('sign-out: nothing is asked or sent for the tenant; Sign In asks silently for the same account', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('crossTenant.signOut', key(ids.contoso));
    await waitForState(ids.contoso, 'needsSignIn');
    const mark = standIn.requests.length;
    const graphMark = api.sandboxRequests().length;
    const shown = prompts().length;
    await vscode.commands.executeCommand('crossTenant.refresh');
    assert.deepEqual(asked(mark, ids.contoso), []);
    assert.deepEqual(await sent(graphMark, ids.contoso), []);
    assert.ok((await sent(graphMark, ids.fabrikam)).length > 0, 'the other tenant was read');
    assert.equal(await stateOf(ids.contoso), 'needsSignIn');

    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
    assert.deepEqual(
      asked(mark, ids.contoso).map((r) => [r.kind, r.account?.id, r.answered]),
      [['getSessions', contosoAdmin.id, 1]],
    );
    assert.equal(prompts().length, shown);
  });

  it('a session the provider can no longer renew shows "needs sign-in" without a prompt, even on Refresh; Sign In prompts', async () => {
    // Tokens near their expiry are asked for again on every request.
    lifetime = 120;
    await vscode.commands.executeCommand('crossTenant.signOut', key(ids.contoso));
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
    standIn.endSession(ids.contoso, contosoAdmin.id);
    const shown = prompts().length;
    let mark = standIn.requests.length;
    await vscode.commands.executeCommand('crossTenant.refresh');
    await waitForState(ids.contoso, 'needsSignIn');
    assert.deepEqual(
      asked(mark, ids.contoso).map((r) => [r.kind, r.account?.id, r.answered]),
      [['getSessions', contosoAdmin.id, 0]],
    );
    assert.equal(prompts().length, shown, 'no prompt outside Sign In');

    mark = standIn.requests.length;
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
    assert.deepEqual(
      asked(mark, ids.contoso).map((r) => r.kind),
      ['getSessions', 'getSessions', 'createSession'],
    );
    assert.deepEqual(
      prompts()
        .slice(shown)
        .map((p) => p.detail),
      ['Sign in to Contoso Group to read and manage its cross-tenant settings.'],
    );
    lifetime = undefined;
  });

  it('an expired token from the provider is never sent: the tenant shows "needs sign-in"', async () => {
    const api = await extensionApi();
    lifetime = 120;
    await vscode.commands.executeCommand('crossTenant.signOut', key(ids.contoso));
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
    standIn.serveExpiredTokens(ids.contoso, true);
    try {
      const graphMark = api.sandboxRequests().length;
      const shown = prompts().length;
      await vscode.commands.executeCommand('crossTenant.refresh');
      await waitForState(ids.contoso, 'needsSignIn');
      assert.deepEqual(await sent(graphMark, ids.contoso), []);
      assert.equal(prompts().length, shown);
    } finally {
      standIn.serveExpiredTokens(ids.contoso, false);
      lifetime = undefined;
    }
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
  });

  it('a token Graph refuses without a challenge (401) shows "needs sign-in", not an error', async () => {
    const api = await extensionApi();
    const stranger = TokenIssuer.create();
    lifetime = 120;
    await vscode.commands.executeCommand('crossTenant.signOut', key(ids.contoso));
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
    // The provider's tokens are now signed with a key Graph does not trust.
    signer = stranger;
    try {
      const graphMark = api.sandboxRequests().length;
      await vscode.commands.executeCommand('crossTenant.refresh');
      await waitForState(ids.contoso, 'needsSignIn');
      assert.deepEqual(await sent(graphMark, ids.contoso, '/organization'), [
        ['GET', '/v1.0/organization', 401],
      ]);
    } finally {
      signer = issuer;
      lifetime = undefined;
    }
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
  });

  it('a claims challenge (sessions revoked) goes to the provider with its claims, silently, and the request is retried once', async () => {
    const api = await extensionApi();
    await revokeSessions(ids.contoso, contosoAdmin);
    const revokedAt = Math.floor(Date.now() / 1000) - 1;
    const mark = standIn.requests.length;
    const graphMark = api.sandboxRequests().length;
    const shown = prompts().length;
    await vscode.commands.executeCommand('crossTenant.refresh');
    await waitForState(ids.contoso, 'signedIn');
    assert.deepEqual(await sent(graphMark, ids.contoso, '/organization'), [
      ['GET', '/v1.0/organization', 401],
      ['GET', '/v1.0/organization', 200],
    ]);
    const challenged = asked(mark, ids.contoso);
    assert.deepEqual(
      challenged.map((r) => [r.kind, r.account?.id, r.answered]),
      [['getSessionsFromChallenges', contosoAdmin.id, 1]],
    );
    assert.ok(decodedClaims(revokedAt)(challenged[0]), challenged[0].claims);
    assert.deepEqual(challenged[0].scopes, [
      ...graphScopes(BROWSE),
      `VSCODE_TENANT:${ids.contoso}`,
      `VSCODE_CLIENT_ID:${GRAPH_CLI_TOOLS}`,
    ]);
    assert.equal(prompts().length, shown);
  });

  it('a claims challenge the provider cannot answer silently: "needs sign-in" in the background, no prompt', async () => {
    const api = await extensionApi();
    await revokeSessions(ids.contoso, contosoAdmin);
    standIn.endSession(ids.contoso, contosoAdmin.id);
    const mark = standIn.requests.length;
    const graphMark = api.sandboxRequests().length;
    const shown = prompts().length;
    await vscode.commands.executeCommand('crossTenant.refresh');
    await waitForState(ids.contoso, 'needsSignIn');
    assert.deepEqual(await sent(graphMark, ids.contoso, '/organization'), [
      ['GET', '/v1.0/organization', 401],
    ]);
    assert.deepEqual(
      asked(mark, ids.contoso).map((r) => [r.kind, r.answered]),
      [['getSessionsFromChallenges', 0]],
    );
    assert.equal(prompts().length, shown);
    await vscode.commands.executeCommand('crossTenant.signIn', key(ids.contoso));
    await waitForState(ids.contoso, 'signedIn');
  });

  it('a claims challenge inside a command prompts, the provider signs in with the claims, and the request is retried once', async () => {
    const api = await extensionApi();
    await revokeSessions(ids.contoso, contosoAdmin);
    const revokedAt = Math.floor(Date.now() / 1000) - 1;
    standIn.endSession(ids.contoso, contosoAdmin.id);
    const mark = standIn.requests.length;
    const graphMark = api.sandboxRequests().length;
    const shown = prompts().length;
    assert.equal(
      (await runAnswering([RESET], 'crossTenant.resetDefault', key(ids.contoso))).result,
      true,
    );
    assert.deepEqual(await sent(graphMark, ids.contoso), [
      ['GET', '/v1.0/policies/crossTenantAccessPolicy/partners', 401],
      ['GET', '/v1.0/policies/crossTenantAccessPolicy/partners', 200],
      ['POST', '/v1.0/policies/crossTenantAccessPolicy/default/resetToSystemDefault', 204],
    ]);
    const requests = asked(mark, ids.contoso);
    // Our silent try, VS Code's own look before it prompts, the sign-in with the claims; then the
    // edit scopes of the reset come silently for the account just signed in.
    assert.deepEqual(
      requests.map((r) => [r.kind, r.answered]),
      [
        ['getSessionsFromChallenges', 0],
        ['getSessionsFromChallenges', 0],
        ['createSessionFromChallenges', 1],
        ['getSessions', 1],
      ],
    );
    assert.ok(requests.slice(0, 3).every(decodedClaims(revokedAt)));
    assert.deepEqual(
      prompts()
        .slice(shown)
        .map((p) => [p.message, p.detail]),
      [[PROMPT, 'Contoso Group requires you to sign in again (Conditional Access).']],
    );
  });
});
