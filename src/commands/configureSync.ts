import * as vscode from 'vscode';
import { putSyncSecrets } from '../core/graph/operations/syncJobs';
import { syncSecrets } from '../core/sync/createConfiguration';
import { isGuid } from '../core/policy/guid';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { SyncConfigurationNode } from '../tree/syncNode';

export interface ConfigureSyncOptions {
  readonly targetTenantId?: string;
  readonly syncAll?: boolean;
  readonly notificationEmail?: string;
  readonly deletionThreshold?: number;
  readonly confirm?: boolean;
}

/**
 * Sets what a configuration syncs (assigned users and groups only, or all users), where its
 * quarantine and deletion emails go, and its accidental-deletion threshold. Graph stores these with
 * the credentials and replaces them all at once, so every one is asked for, starting from what is
 * saved where Graph returns it (GET of the secrets, not in the v1.0 reference); where it does not,
 * the target tenant is proposed from the configuration's name and the prompt says what could not
 * be read.
 */
export const configureSync: CommandDefinition = {
  id: 'crossTenant.configureSync',
  run: async (ctx, arg, options) => {
    if (!(arg instanceof SyncConfigurationNode))
      throw new Error('Scope and Notifications works on a sync configuration in the Tenants view.');
    const given = (options ?? {}) as ConfigureSyncOptions;
    const config =
      arg.servicePrincipal.displayName ?? arg.servicePrincipal.id ?? 'the configuration';
    const client = ctx.connections.client(arg.tenant);
    const saved = await readSyncSettings(client, arg.servicePrincipal.id!);
    const current = saved.readable ? saved : undefined;
    const notifications = current?.notifications;
    const guess = ctx.tenants
      .all()
      .find((r) => r.displayName === config && r.tenantId !== arg.tenant.tenantId);
    const targetTenantId =
      given.targetTenantId ??
      (
        await vscode.window.showInputBox({
          title: `${config}: target tenant`,
          prompt: current?.companyId
            ? 'The tenant this configuration syncs to, as saved (tenant id).'
            : saved.readable
              ? 'No target tenant is saved: enter the tenant this configuration syncs to (tenant id).'
              : `The saved settings could not be read (${saved.reason}): confirm the tenant this configuration syncs to (tenant id).`,
          value: current?.companyId ?? guess?.tenantId ?? '',
          ignoreFocusOut: true,
          validateInput: (v) => (isGuid(v.trim()) ? undefined : 'A tenant id is a GUID.'),
        })
      )?.trim();
    if (!targetTenantId) return false;
    const syncAll =
      given.syncAll ??
      (
        await vscode.window.showQuickPick(
          [
            {
              label: 'Assigned users and groups only',
              description: current?.syncAll === false ? 'saved now' : undefined,
              detail: 'Recommended: only the users and groups in scope are synced.',
              value: false,
            },
            {
              label: 'All users',
              description: current?.syncAll === true ? 'saved now' : undefined,
              detail: 'Every user of the source tenant is synced.',
              value: true,
            },
          ],
          {
            title: `${config}: scope`,
            ...(saved.readable
              ? {}
              : { placeHolder: `The saved scope could not be read (${saved.reason}).` }),
          },
        )
      )?.value;
    if (syncAll === undefined) return false;
    const notificationEmail =
      given.notificationEmail ??
      (await vscode.window.showInputBox({
        title: `${config}: notification email`,
        prompt: 'Where quarantine and accidental-deletion emails go (empty: no emails)',
        value: notifications?.enabled ? (notifications.recipients ?? '') : '',
        ignoreFocusOut: true,
      })) ??
      undefined;
    if (notificationEmail === undefined) return false;
    const thresholdText =
      given.deletionThreshold !== undefined
        ? String(given.deletionThreshold)
        : await vscode.window.showInputBox({
            title: `${config}: accidental-deletion threshold`,
            prompt:
              'Hold back a cycle that would delete or disable more users than this (empty: no threshold)',
            value:
              notifications?.deleteThresholdEnabled === false
                ? ''
                : String(notifications?.deleteThresholdValue ?? 500),
            ignoreFocusOut: true,
            validateInput: (v) =>
              v.trim() === '' || /^[1-9]\d*$/.test(v.trim())
                ? undefined
                : 'A positive whole number, or empty.',
          });
    if (thresholdText === undefined) return false;
    const deletionThreshold = thresholdText.trim() ? Number(thresholdText) : undefined;
    const detail = `Syncs to ${targetTenantId}; ${syncAll ? 'all users' : 'assigned users and groups only'}; emails ${notificationEmail || 'off'}; deletion threshold ${deletionThreshold ?? 'off'}.\n\nGraph replaces the saved credentials and these settings together.`;
    if (
      !(await confirmModal(
        given,
        `Save the scope and notifications of "${config}" in ${tenantLabel(arg.tenant)}?`,
        detail,
        'Save',
      ))
    )
      return false;
    await putSyncSecrets(
      client,
      arg.servicePrincipal.id!,
      syncSecrets({
        displayName: config,
        targetTenantId,
        syncAll,
        ...(notificationEmail ? { notificationEmail } : {}),
        ...(deletionThreshold !== undefined ? { deletionThreshold } : {}),
      }),
    );
    ctx.log.info(
      `Saved the credentials and settings of ${config} (${arg.servicePrincipal.id}) in ${arg.tenant.tenantId}: ${detail.split('\n')[0]}`,
    );
    return true;
  },
};
