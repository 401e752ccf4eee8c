import * as vscode from 'vscode';
import {
  findTenantInformationByDomainName,
  findTenantInformationByTenantId,
} from '../core/graph/operations/tenants';
import {
  createSyncConfiguration,
  type CreateStep,
  type CredentialProblem,
} from '../core/sync/createConfiguration';
import { validateTenantInput } from '../core/tenants/resolveTenant';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { isGuid } from '../core/policy/guid';
import { openPartnerSetting } from '../services/openPartnerSetting';
import { pickTenant } from './pickTenant';
import { withCancellableProgress } from '../host/cancellation';
import type { CommandContext, CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';

const STEP_TEXT: Record<CreateStep, string> = {
  instantiate: 'Creating the configuration from the cross-tenant synchronization template',
  waitForServicePrincipal: 'Waiting for its service principal (this can take a few seconds)',
  createJob: 'Creating the Azure2Azure provisioning job',
  saveCredentials: 'Saving its credentials and settings',
  testConnection: 'Testing the connection to the target tenant',
};

/**
 * Creates a cross-tenant sync configuration in a source tenant for a target tenant: template →
 * service principal → job → credentials → test connection. A failed test names the tenant and the
 * setting to fix, and offers to open that policy.
 */
export const newSyncConfiguration: CommandDefinition = {
  id: 'crossTenant.newSyncConfiguration',
  run: async (ctx, arg, options) => {
    const source = await pickTenant(
      ctx,
      arg,
      'Create the sync configuration in which (source) tenant?',
    );
    if (!source) return undefined;
    const given = (options ?? {}) as { target?: string; name?: string; notificationEmail?: string };
    const client = ctx.connections.client(source);
    const target = await pickTarget(ctx, source, given.target);
    if (!target) return undefined;
    const name =
      given.name ??
      (await vscode.window.showInputBox({
        title: 'New sync configuration',
        prompt: 'Name of the configuration (shown in both portals)',
        value: target.name,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'Enter a name.'),
      }));
    if (!name) return undefined;
    const notificationEmail =
      given.notificationEmail ??
      (await vscode.window.showInputBox({
        title: 'New sync configuration',
        prompt:
          'Email for quarantine and accidental-deletion notices (optional; the accidental-deletion threshold starts at 500)',
        ignoreFocusOut: true,
      }));
    if (notificationEmail === undefined) return undefined;
    const created = await withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title: `New sync configuration "${name}"` },
      (progress, signal) => {
        return createSyncConfiguration(
          client,
          {
            displayName: name.trim(),
            targetTenantId: target.tenantId,
            deletionThreshold: 500,
            ...(notificationEmail.trim() ? { notificationEmail: notificationEmail.trim() } : {}),
          },
          {
            signal,
            onStep: (step, detail) =>
              progress.report({ message: `${STEP_TEXT[step]}${detail ? ` (${detail})` : ''}…` }),
          },
        );
      },
    );
    ctx.log.info(
      `Created sync configuration "${name}" in ${source.tenantId} for ${target.tenantId}: service principal ${created.servicePrincipalId}, job ${created.jobId}; connection test ${created.test.ok ? 'passed' : 'failed'}.`,
    );
    ctx.data.invalidate(source, 'sync');
    ctx.refreshTree();
    if (created.test.ok) {
      void vscode.window.showInformationMessage(
        `"${name}" is ready and its connection works. Assign users or groups, then start the job.`,
      );
    } else {
      void explainProblems(ctx, source, created.test.explanation);
    }
    return created;
  },
};

async function pickTarget(
  ctx: CommandContext,
  source: TenantRecord,
  given?: string,
): Promise<{ tenantId: string; name: string } | undefined> {
  const resolve = async (input: string): Promise<{ tenantId: string; name: string }> => {
    const client = ctx.connections.client(source);
    const info = isGuid(input)
      ? await findTenantInformationByTenantId(client, input)
      : await findTenantInformationByDomainName(client, input);
    return {
      tenantId: info.tenantId,
      name: info.displayName ?? info.defaultDomainName ?? info.tenantId,
    };
  };
  if (given) return resolve(given.trim());
  const others = ctx.tenants.all().filter((r) => r.tenantId !== source.tenantId);
  const other = {
    label: '$(search) Another tenant, by id or domain…',
    record: undefined as TenantRecord | undefined,
  };
  const picked = await vscode.window.showQuickPick(
    [
      ...others.map((r) => ({ label: tenantLabel(r), description: r.defaultDomain, record: r })),
      other,
    ],
    { title: `Sync users from ${tenantLabel(source)} to…`, placeHolder: 'The target tenant' },
  );
  if (!picked) return undefined;
  if (picked.record) return { tenantId: picked.record.tenantId, name: tenantLabel(picked.record) };
  const input = await vscode.window.showInputBox({
    title: 'Target tenant',
    prompt: 'Tenant id or verified domain',
    validateInput: validateTenantInput,
    ignoreFocusOut: true,
  });
  return input ? resolve(input.trim()) : undefined;
}

/** Says which tenant must change which setting, and opens that partner policy on request. */
export async function explainProblems(
  ctx: CommandContext,
  source: TenantRecord,
  problems: readonly CredentialProblem[],
): Promise<void> {
  const lines = problems.map(
    (p) =>
      `${p.tenant === 'target' ? 'Target' : 'Source'} tenant ${ctx.tenants.labelOf(p.tenantId)}: ${p.message}`,
  );
  const fixable = problems.find(
    (p) => p.setting !== 'other' && ctx.tenants.byTenantId(p.tenantId) !== undefined,
  );
  const open = fixable
    ? `Open ${ctx.tenants.labelOf(fixable.tenantId)}'s Partner Policy`
    : undefined;
  const choice = await vscode.window.showWarningMessage(
    'The connection test failed: sync would not work yet.',
    { modal: false, detail: lines.join('\n') },
    ...(open ? [open] : []),
  );
  ctx.log.warn(`Connection test failed: ${lines.join(' | ')}`);
  if (choice && open && fixable) {
    const tenant = ctx.tenants.byTenantId(fixable.tenantId)!;
    const partnerTenantId =
      fixable.tenant === 'target'
        ? source.tenantId
        : (problems.find((p) => p.tenant === 'target')?.tenantId ?? source.tenantId);
    await openPartnerSetting(ctx.data, tenant, partnerTenantId, fixable.setting);
  }
}
