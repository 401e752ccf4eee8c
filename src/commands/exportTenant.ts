import * as vscode from 'vscode';
import { getPolicy } from '../core/graph/operations/policy';
import { loadPartnerOverview } from '../core/graph/partnerOverview';
import { exportFiles, exportFolderName } from '../core/policy/exportLayout';
import type { CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { writeFilesUnder } from '../core/files/writeFilesUnder';

/**
 * Writes a tenant's cross-tenant access settings into a workspace folder as reviewable files: base
 * policy, default settings, one file per partner keyed by tenant id (and its identity sync), and a
 * README saying what each file is. The files get the same schemas and checks as live documents.
 */
export const exportTenant: CommandDefinition = {
  id: 'crossTenant.exportTenant',
  run: async (ctx, arg, options) => {
    const tenant = await pickTenant(ctx, arg, 'Export which tenant?');
    if (!tenant) return undefined;
    const given = options as { folder?: vscode.Uri; overwrite?: boolean } | undefined;
    const target =
      given?.folder ??
      vscode.workspace.workspaceFolders?.[0]?.uri ??
      (
        await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          title: 'Export into which folder?',
        })
      )?.[0];
    if (!target) return undefined;
    if (target.scheme !== 'file')
      throw new Error(
        vscode.l10n.t('Export writes to a folder on disk; {0} is not one.', target.toString()),
      );
    const folder = vscode.Uri.joinPath(target, exportFolderName(tenant));
    if (!given?.overwrite && (await exists(folder))) {
      const replace = 'Replace Files';
      const choice = await vscode.window.showWarningMessage(
        `${vscode.workspace.asRelativePath(folder)} already exists.`,
        {
          modal: true,
          detail:
            'Files of the same name are replaced with what the tenant holds now; other files stay.',
        },
        replace,
      );
      if (choice !== replace) return undefined;
    }
    const files = await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Exporting ${tenantLabel(tenant)}…`,
      },
      async (_p, signal) => {
        const client = ctx.connections.client(tenant);
        const [policy, overview] = await Promise.all([
          getPolicy(client, { signal }),
          loadPartnerOverview(client, { signal }),
        ]);
        return exportFiles({
          tenant: {
            tenantId: tenant.tenantId,
            ...(tenant.displayName ? { displayName: tenant.displayName } : {}),
            ...(tenant.defaultDomain ? { defaultDomain: tenant.defaultDomain } : {}),
          },
          policy,
          defaults: overview.defaultConfiguration,
          partners: overview.partners.map((p) => ({
            partner: p.partner,
            identitySync: p.identitySync ?? null,
            ...(p.displayName ? { displayName: p.displayName } : {}),
            ...(p.defaultDomainName ? { defaultDomainName: p.defaultDomainName } : {}),
          })),
          exportedAt: new Date(),
        });
      },
    );
    // Atomic, and never through a symbolic link planted in the folder (a cloned repository, a share).
    await writeFilesUnder(
      target.fsPath,
      files.map((f) => ({ path: f.path, data: f.text })),
    );
    ctx.log.info(
      `Exported ${tenantLabel(tenant)} (${tenant.tenantId}) to ${folder.toString()}: ${files.filter((f) => !f.base).length} files and their export versions in .xta-base/.`,
    );
    const readme = files.find((f) => f.path.endsWith('README.md'));
    if (readme && !given?.folder)
      await vscode.commands.executeCommand(
        'markdown.showPreview',
        vscode.Uri.joinPath(target, ...readme.path.split('/')),
      );
    return files.filter((f) => !f.base).map((f) => f.path);
  },
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
