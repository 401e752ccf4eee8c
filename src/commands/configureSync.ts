import * as vscode from 'vscode';
import { putSyncSecrets } from '../core/graph/operations/syncJobs';
import { syncSecrets } from '../core/sync/createConfiguration';
import { isGuid } from '../core/policy/guid';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Sets what a configuration syncs (assigned users and groups only, or all users), where its
 * quarantine and deletion emails go, and its accidental-deletion threshold. Graph stores these with
 * the credentials and replaces them all at once, so every one is asked for, starting from what is
 * saved where Graph returns it (GET of the secrets, not in the v1.0 reference); where it does not,
 * the target tenant is proposed from the configuration's name and the prompt says what could not
 * be read. Nothing is saved before the user confirms the summary. Argument: a sync configuration
 * node of the Tenants view.
 */
export const configureSync: CommandDefinition = {
  id: 'crossTenant.configureSync',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'syncConfiguration');
    if (!node)
      throw new Error(
        vscode.l10n.t('Scope and Notifications works on a sync configuration in the Tenants view.'),
      );
    const config =
      node.servicePrincipal.displayName ??
      node.servicePrincipal.id ??
      vscode.l10n.t('the configuration');
    const client = ctx.connections.client(node.tenant);
    const saved = await readSyncSettings(client, node.servicePrincipal.id!);
    const current = saved.readable ? saved : undefined;
    const notifications = current?.notifications;
    const guess = ctx.tenants
      .all()
      .find((r) => r.displayName === config && r.tenantId !== node.tenant.tenantId);
    const targetTenantId = (
      await ctx.ui.input({
        title: vscode.l10n.t('{0}: target tenant', config),
        prompt: current?.companyId
          ? vscode.l10n.t('The tenant this configuration syncs to, as saved (tenant id).')
          : saved.readable
            ? vscode.l10n.t(
                'No target tenant is saved: enter the tenant this configuration syncs to (tenant id).',
              )
            : vscode.l10n.t(
                'The saved settings could not be read ({0}): confirm the tenant this configuration syncs to (tenant id).',
                saved.reason,
              ),
        value: current?.companyId ?? guess?.tenantId ?? '',
        validate: (v) => (isGuid(v.trim()) ? undefined : vscode.l10n.t('A tenant id is a GUID.')),
      })
    ).trim();
    const savedNow = vscode.l10n.t('saved now');
    const syncAll = await ctx.ui.pick(
      [
        {
          label: vscode.l10n.t('Assigned users and groups only'),
          description: current?.syncAll === false ? savedNow : undefined,
          detail: vscode.l10n.t('Recommended: only the users and groups in scope are synced.'),
          value: false,
        },
        {
          label: vscode.l10n.t('All users'),
          description: current?.syncAll === true ? savedNow : undefined,
          detail: vscode.l10n.t('Every user of the source tenant is synced.'),
          value: true,
        },
      ],
      {
        title: vscode.l10n.t('{0}: scope', config),
        placeHolder: saved.readable
          ? vscode.l10n.t('Who is synced?')
          : vscode.l10n.t('The saved scope could not be read ({0}).', saved.reason),
      },
    );
    const notificationEmail = (
      await ctx.ui.input({
        title: vscode.l10n.t('{0}: notification email', config),
        prompt: vscode.l10n.t(
          'Where quarantine and accidental-deletion emails go (empty: no emails)',
        ),
        value: notifications?.enabled ? (notifications.recipients ?? '') : '',
      })
    ).trim();
    const thresholdText = (
      await ctx.ui.input({
        title: vscode.l10n.t('{0}: accidental-deletion threshold', config),
        prompt: vscode.l10n.t(
          'Hold back a cycle that would delete or disable more users than this (empty: no threshold)',
        ),
        value:
          notifications?.deleteThresholdEnabled === false
            ? ''
            : String(notifications?.deleteThresholdValue ?? 500),
        validate: (v) =>
          v.trim() === '' || /^[1-9]\d*$/.test(v.trim())
            ? undefined
            : vscode.l10n.t('A positive whole number, or empty.'),
      })
    ).trim();
    const deletionThreshold = thresholdText ? Number(thresholdText) : undefined;
    const off = vscode.l10n.t('off');
    const summary = vscode.l10n.t(
      'Syncs to {0}; {1}; emails {2}; deletion threshold {3}.',
      targetTenantId,
      syncAll ? vscode.l10n.t('all users') : vscode.l10n.t('assigned users and groups only'),
      notificationEmail || off,
      deletionThreshold ?? off,
    );
    const save = vscode.l10n.t('Save');
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Save the scope and notifications of "{0}" in {1}?',
        config,
        tenantLabel(node.tenant),
      ),
      detail: vscode.l10n.t(
        '{0}\n\nGraph replaces the saved credentials and these settings together.',
        summary,
      ),
      actions: [save],
    });
    const servicePrincipalId = node.servicePrincipal.id!;
    await ctx.data
      .tenant(node.tenant)
      .write({ kind: 'syncConfiguration', servicePrincipalId, change: 'updated' }, (writer) =>
        putSyncSecrets(
          writer,
          servicePrincipalId,
          syncSecrets({
            displayName: config,
            targetTenantId,
            syncAll,
            ...(notificationEmail ? { notificationEmail } : {}),
            ...(deletionThreshold !== undefined ? { deletionThreshold } : {}),
          }),
        ),
      );
    ctx.log.info(
      `Saved the credentials and settings of ${config} (${node.servicePrincipal.id}) in ${node.tenant.tenantId}: syncs to ${targetTenantId}; ${syncAll ? 'all users' : 'assigned users and groups only'}; emails ${notificationEmail || 'off'}; deletion threshold ${deletionThreshold ?? 'off'}.`,
    );
    return true;
  },
};
