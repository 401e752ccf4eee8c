import * as vscode from 'vscode';
import {
  newConfigurationFlow,
  type NewConfigurationWords,
} from '../core/sync/newConfigurationFlow';
import { notificationProgress } from '../host/cancellation';
import type { CommandDefinition } from './commandContext';
import { explainProblems } from './explainProblems';
import { pickTenant } from './pickTenant';

function words(): NewConfigurationWords {
  return {
    targetTitle: (source) => vscode.l10n.t('Sync users from {0} to…', source),
    targetPlaceHolder: vscode.l10n.t('The target tenant'),
    anotherTenant: vscode.l10n.t('$(search) Another tenant, by id or domain…'),
    anotherTitle: vscode.l10n.t('Target tenant'),
    anotherPrompt: vscode.l10n.t('Tenant id or verified domain'),
    title: vscode.l10n.t('New sync configuration'),
    namePrompt: vscode.l10n.t('Name of the configuration (shown in both portals)'),
    nameMissing: vscode.l10n.t('Enter a name.'),
    emailPrompt: vscode.l10n.t(
      'Email for quarantine and accidental-deletion notices (optional; the accidental-deletion threshold starts at 500)',
    ),
    creating: (name) => vscode.l10n.t('New sync configuration "{0}"', name),
    steps: {
      instantiate: vscode.l10n.t(
        'Creating the configuration from the cross-tenant synchronization template',
      ),
      waitForServicePrincipal: vscode.l10n.t(
        'Waiting for its service principal (this can take a few seconds)',
      ),
      createJob: vscode.l10n.t('Creating the Azure2Azure provisioning job'),
      saveCredentials: vscode.l10n.t('Saving its credentials and settings'),
      testConnection: vscode.l10n.t('Testing the connection to the target tenant'),
    },
  };
}

/**
 * "New Sync Configuration…" (core/sync/newConfigurationFlow): creates a cross-tenant sync
 * configuration in a source tenant for a target tenant, asking the target, name and notification
 * email. Arguments: a tenant node or its Cross-tenant synchronization node (that tenant is the
 * source), a tenant key or id, or none (the source is asked). A failed connection test names the
 * tenant and setting to fix and offers to open that policy. Returns what was created.
 */
export const newSyncConfiguration: CommandDefinition = {
  id: 'crossTenant.newSyncConfiguration',
  run: async (ctx, arg) => {
    const source = await pickTenant(
      ctx,
      arg,
      vscode.l10n.t('Create the sync configuration in which (source) tenant?'),
    );
    const created = await newConfigurationFlow(
      {
        ui: ctx.ui,
        log: ctx.log,
        progress: notificationProgress,
        source,
        client: ctx.connections.client(source),
        tenants: ctx.tenants.all(),
        // The flow writes in several steps through this client: once it has, the source's sync
        // data is reloaded wherever it is shown.
        changed: () => ctx.data.invalidate(source, 'sync'),
      },
      words(),
    );
    if (created.test.ok)
      void ctx.ui.inform(
        vscode.l10n.t(
          '"{0}" is ready and its connection works. Assign users or groups, then start the job.',
          created.name,
        ),
      );
    else explainProblems(ctx, source, created.test.explanation);
    return created;
  },
};
