import * as vscode from 'vscode';
import { validateSyncCredentials } from '../core/graph/operations/syncJobs';
import { explainCredentialFailure, isFailedConnectionTest } from '../core/sync/createConfiguration';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import type { CommandDefinition } from './commandContext';
import { explainProblems } from './explainProblems';
import { jobArg } from './jobArg';

/**
 * Tests a job's saved credentials against its target tenant and explains a failure with the
 * setting to fix. Argument: a job node, or a job reference (see jobArg).
 */
export const testConnection: CommandDefinition = {
  id: 'crossTenant.testConnection',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    try {
      await validateSyncCredentials(
        ctx.connections.client(node.tenant),
        node.servicePrincipal.id!,
        {
          useSavedCredentials: true,
          templateId: node.job.templateId ?? 'Azure2Azure',
          credentials: [],
        },
        { jobId: node.job.id! },
      );
    } catch (err) {
      if (!isFailedConnectionTest(err)) throw err;
      // The saved CompanyId names the target tenant, where Graph returns it.
      const saved = await readSyncSettings(
        ctx.connections.client(node.tenant),
        node.servicePrincipal.id!,
      );
      const targetTenantId = (saved.readable ? saved.companyId : undefined) ?? '';
      const problems = explainCredentialFailure(err, node.tenant.tenantId, targetTenantId);
      explainProblems(ctx, node.tenant, problems);
      return { ok: false, problems };
    }
    void ctx.ui.inform(
      vscode.l10n.t(
        '{0}: the connection to the target tenant works.',
        node.servicePrincipal.displayName ?? vscode.l10n.t('The configuration'),
      ),
    );
    return { ok: true };
  },
};
