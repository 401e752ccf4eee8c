import * as vscode from 'vscode';
import { CLOUDS, type CloudName } from '../core/auth/clouds';
import { GraphClient } from '../core/graph/graphClient';
import { findTenantInformationByDomainName } from '../core/graph/operations/tenants';
import { resolveTenantId, validateTenantInput } from '../core/tenants/resolveTenant';
import type { AuthMethod, TenantRecord } from '../core/tenants/tenantRecord';
import { isGuid } from '../core/policy/guid';
import type { CommandContext, CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { secretKey } from '../services/tenants/tenantConnections';

/** Everything the flow asks for; a caller (another command, a test) may pass any of it to skip that step. */
export interface AddTenantOptions {
  readonly method?: AuthMethod;
  /** Tenant id or verified domain. */
  readonly tenant?: string;
  readonly cloud?: CloudName;
  readonly clientId?: string;
  readonly secret?: string;
  readonly certificatePath?: string;
}

const METHODS: readonly { method: AuthMethod; label: string; detail: string }[] = [
  {
    method: 'microsoft',
    label: '$(account) Microsoft account',
    detail: 'Sign in through VS Code with your work account (recommended)',
  },
  {
    method: 'deviceCode',
    label: '$(device-mobile) Device code',
    detail: 'Sign in on another device with a code, e.g. from a remote or headless machine',
  },
  {
    method: 'clientSecret',
    label: '$(key) App-only: client secret',
    detail:
      "An app registration with application permissions; the secret is kept in VS Code's secret storage",
  },
  {
    method: 'certificate',
    label: '$(file-binary) App-only: certificate',
    detail: 'An app registration with a certificate (PEM file with the private key)',
  },
  {
    method: 'azureCli',
    label: '$(terminal) Azure CLI',
    detail: 'Use the account `az login` signed in to on this machine',
  },
  {
    method: 'sandbox',
    label: '$(beaker) Sandbox',
    detail: 'A built-in sandbox tenant: no Microsoft account needed',
  },
];

/** Add a tenant by id or verified domain, choosing how to sign in to it; then sign in. */
export const addTenant: CommandDefinition = {
  id: 'crossTenant.addTenant',
  run: async (ctx, arg) => {
    const given = (
      arg && typeof arg === 'object' && !('record' in arg) ? arg : {}
    ) as AddTenantOptions;
    const title = 'Add Tenant';
    const method =
      given.method ??
      (
        await vscode.window.showQuickPick(
          METHODS.map((m) => ({ ...m, label: m.label })),
          { title: `${title}: how do you sign in?`, matchOnDetail: true },
        )
      )?.method;
    if (!method) return undefined;
    const input =
      given.tenant ??
      (await vscode.window.showInputBox({
        title: `${title}: tenant`,
        prompt: 'Tenant id (GUID) or a verified domain of the tenant',
        placeHolder: 'contoso.onmicrosoft.com or 72f988bf-86f1-41af-91ab-2d7cd011db47',
        ignoreFocusOut: true,
        validateInput: validateTenantInput,
      }));
    if (!input) return undefined;
    const cloud =
      method === 'sandbox'
        ? 'global'
        : (given.cloud ??
          (
            await vscode.window.showQuickPick(
              Object.values(CLOUDS).map((c) => ({
                label: c.displayName,
                description: c.graphHost,
                cloud: c.name,
              })),
              {
                title: `${title}: cloud`,
                placeHolder: 'Which cloud is the tenant in? (GCC moderate uses Global)',
              },
            )
          )?.cloud);
    if (!cloud) return undefined;
    const app = await askAppCredentials(method, given, title);
    if (!app) return undefined;

    const tenantId = await withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title: `Looking up ${input.trim()}…` },
      (_p, signal) => resolve(ctx, method, input, cloud, signal),
    );
    await ctx.tenants.load();
    const existing = ctx.tenants.all().find((r) => r.tenantId === tenantId && r.auth === method);
    const record: TenantRecord = {
      ...existing,
      tenantId,
      cloud,
      auth: method,
      ...(isGuid(input.trim()) ? {} : { defaultDomain: input.trim().toLowerCase() }),
      ...(app.clientId ? { clientId: app.clientId } : {}),
      ...(app.certificatePath ? { certificatePath: app.certificatePath } : {}),
      signedOut: false,
    };
    if (app.secret) await ctx.secrets.store(secretKey(record), app.secret);
    // The tenant is remembered first: if sign-in fails or is cancelled it stays, marked "needs sign-in".
    await ctx.tenants.upsert(record);
    const signedIn = await ctx.connections.signIn(record);
    ctx.log.info(`Added ${tenantLabel(signedIn)} (${tenantId}, ${cloud}) with ${method}.`);
    return tenantId;
  },
};

async function askAppCredentials(
  method: AuthMethod,
  given: AddTenantOptions,
  title: string,
): Promise<{ clientId?: string; secret?: string; certificatePath?: string } | undefined> {
  if (method !== 'clientSecret' && method !== 'certificate') return {};
  const clientId =
    given.clientId ??
    (await vscode.window.showInputBox({
      title: `${title}: application (client) id`,
      prompt: 'The app registration that has the application permissions (Policy.Read.All, …)',
      ignoreFocusOut: true,
      validateInput: (v) => (isGuid(v.trim()) ? undefined : 'An application id is a GUID.'),
    }));
  if (!clientId) return undefined;
  if (method === 'clientSecret') {
    const secret =
      given.secret ??
      (await vscode.window.showInputBox({
        title: `${title}: client secret`,
        password: true,
        ignoreFocusOut: true,
        prompt: "Stored in VS Code's secret storage, never in settings or logs",
      }));
    return secret ? { clientId: clientId.trim(), secret } : undefined;
  }
  const certificatePath =
    given.certificatePath ??
    (
      await vscode.window.showOpenDialog({
        title: `${title}: certificate (PEM with private key)`,
        filters: { 'PEM certificate': ['pem'] },
        canSelectMany: false,
      })
    )?.[0]?.fsPath;
  return certificatePath ? { clientId: clientId.trim(), certificatePath } : undefined;
}

/**
 * Tenant id from what the user typed. Real tenants: the OpenID configuration of the domain, which
 * needs no token. Sandbox tenants: Graph's findTenantInformationByDomainName in the sandbox.
 */
async function resolve(
  ctx: CommandContext,
  method: AuthMethod,
  input: string,
  cloud: CloudName,
  signal: AbortSignal,
): Promise<string> {
  if (method !== 'sandbox' || isGuid(input.trim())) {
    return resolveTenantId(
      input,
      cloud,
      method === 'sandbox' ? ctx.sandbox.fetch : (url, init) => fetch(url, init),
      signal,
    );
  }
  const [anyTenant] = await ctx.sandbox.tenants();
  const client = new GraphClient({
    tenantId: anyTenant.tenantId,
    credential: ctx.sandbox.credential(anyTenant.tenantId),
    fetch: ctx.sandbox.fetch,
  });
  try {
    return (await findTenantInformationByDomainName(client, input.trim(), { signal })).tenantId;
  } catch (err) {
    if ((err as { status?: number }).status === 404)
      throw new Error(`No sandbox tenant uses the domain ${input.trim()}.`);
    throw err;
  }
}
