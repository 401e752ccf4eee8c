import * as vscode from 'vscode';
import { validateSyncCredentials } from '../core/graph/operations/syncJobs';
import { explainCredentialFailure, isFailedConnectionTest } from '../core/sync/createConfiguration';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import type { CommandDefinition } from './commandContext';
import { explainProblems } from './newSyncConfiguration';
import { jobArg } from './jobArg';

/** Tests a job's saved credentials against its target tenant and explains a failure with the setting to fix. */
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
      void explainProblems(ctx, node.tenant, problems);
      return { ok: false, problems };
    }
    void vscode.window.showInformationMessage(
      `${node.servicePrincipal.displayName ?? 'The configuration'}: the connection to the target tenant works.`,
    );
    return { ok: true };
  },
};
