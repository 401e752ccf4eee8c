import * as vscode from 'vscode';
import { CLOUDS, type CloudName } from '../core/auth/clouds';
import { GraphClient } from '../core/graph/graphClient';
import { findTenantInformationByDomainName } from '../core/graph/operations/tenants';
import { resolveTenantId, validateTenantInput } from '../core/tenants/resolveTenant';
import type { AuthMethod, TenantRecord } from '../core/tenants/tenantRecord';
import { isGuid } from '../core/policy/guid';
import type { UserInput } from '../core/ports/userInput';
import type { CommandContext, CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { secretKey } from '../services/tenants/tenantConnections';

/** The sign-in methods, as the first question offers them. */
const methods = (): readonly { method: AuthMethod; label: string; detail: string }[] => [
  {
    method: 'microsoft',
    label: `$(account) ${vscode.l10n.t('Microsoft account')}`,
    detail: vscode.l10n.t('Sign in through VS Code with your work account (recommended)'),
  },
  {
    method: 'deviceCode',
    label: `$(device-mobile) ${vscode.l10n.t('Device code')}`,
    detail: vscode.l10n.t(
      'Sign in on another device with a code, e.g. from a remote or headless machine',
    ),
  },
  {
    method: 'clientSecret',
    label: `$(key) ${vscode.l10n.t('App-only: client secret')}`,
    detail: vscode.l10n.t(
      "An app registration with application permissions; the secret is kept in VS Code's secret storage",
    ),
  },
  {
    method: 'certificate',
    label: `$(file-binary) ${vscode.l10n.t('App-only: certificate')}`,
    detail: vscode.l10n.t('An app registration with a certificate (PEM file with the private key)'),
  },
  {
    method: 'azureCli',
    label: `$(terminal) ${vscode.l10n.t('Azure CLI')}`,
    detail: vscode.l10n.t('Use the account "az login" signed in to on this machine'),
  },
  {
    method: 'sandbox',
    label: `$(beaker) ${vscode.l10n.t('Sandbox')}`,
    detail: vscode.l10n.t('A built-in sandbox tenant: no Microsoft account needed'),
  },
];

/**
 * Add a tenant by id or verified domain, choosing how to sign in to it (and the cloud and app
 * credentials where the method needs them); then sign in. Every answer comes from the user.
 *
 * No argument (the Tenants view's title bar, the palette). Returns the tenant id.
 */
export const addTenant: CommandDefinition = {
  id: 'crossTenant.addTenant',
  run: async (ctx, arg) => {
    if (arg !== undefined && arg !== null)
      throw new Error(vscode.l10n.t('Add Tenant takes no argument: it asks for the tenant.'));
    const title = vscode.l10n.t('Add Tenant');
    const method = await ctx.ui.pick(
      methods().map((m) => ({ label: m.label, detail: m.detail, value: m.method })),
      {
        title: vscode.l10n.t('{0}: how do you sign in?', title),
        placeHolder: vscode.l10n.t('How do you sign in to the tenant?'),
        matchOnDetail: true,
      },
    );
    const input = await ctx.ui.input({
      title: vscode.l10n.t('{0}: tenant', title),
      prompt: vscode.l10n.t('Tenant id (GUID) or a verified domain of the tenant'),
      placeHolder: vscode.l10n.t('contoso.onmicrosoft.com or 72f988bf-86f1-41af-91ab-2d7cd011db47'),
      validate: validateTenantInput,
    });
    const cloud =
      method === 'sandbox'
        ? 'global'
        : await ctx.ui.pick<CloudName>(
            Object.values(CLOUDS).map((c) => ({
              label: c.displayName,
              description: c.graphHost,
              value: c.name,
            })),
            {
              title: vscode.l10n.t('{0}: cloud', title),
              placeHolder: vscode.l10n.t(
                'Which cloud is the tenant in? (GCC moderate uses Global)',
              ),
            },
          );
    const app = await askAppCredentials(ctx.ui, method, title);

    const tenantId = await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Looking up {0}…', input.trim()),
      },
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

/** The app registration of an app-only method (nothing for the others). */
async function askAppCredentials(
  ui: UserInput,
  method: AuthMethod,
  title: string,
): Promise<{ clientId?: string; secret?: string; certificatePath?: string }> {
  if (method !== 'clientSecret' && method !== 'certificate') return {};
  const clientId = (
    await ui.input({
      title: vscode.l10n.t('{0}: application (client) id', title),
      prompt: vscode.l10n.t(
        'The app registration that has the application permissions (Policy.Read.All, …)',
      ),
      validate: (v) =>
        isGuid(v.trim()) ? undefined : vscode.l10n.t('An application id is a GUID.'),
    })
  ).trim();
  if (method === 'clientSecret') {
    const secret = await ui.input({
      title: vscode.l10n.t('{0}: client secret', title),
      prompt: vscode.l10n.t("Stored in VS Code's secret storage, never in settings or logs"),
      password: true,
      validate: (v) => (v ? undefined : vscode.l10n.t('Enter the client secret.')),
    });
    return { clientId, secret };
  }
  const certificate = await ui.pickFile({
    title: vscode.l10n.t('{0}: certificate (PEM with private key)', title),
    filters: { [vscode.l10n.t('PEM certificate')]: ['pem'] },
  });
  return { clientId, certificatePath: vscode.Uri.parse(certificate).fsPath };
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
      throw new Error(vscode.l10n.t('No sandbox tenant uses the domain {0}.', input.trim()));
    throw err;
  }
}
