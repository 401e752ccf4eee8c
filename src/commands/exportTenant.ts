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
 * Writes a tenant's cross-tenant access settings into a folder the user chooses (the workspace's
 * first folder offered) as reviewable files: base policy, default settings, one file per partner
 * keyed by tenant id (and its identity sync), and a README saying what each file is. The files get
 * the same schemas and checks as live documents. A tenant folder that exists already is replaced
 * file by file only after a confirmation.
 *
 * Argument: the tenant (see pickTenant: the tenant node, a tenant key, id or domain), or nothing to
 * pick one. Returns the paths written (relative to the folder chosen).
 */
export const exportTenant: CommandDefinition = {
  id: 'crossTenant.exportTenant',
  run: async (ctx, arg) => {
    const tenant = await pickTenant(ctx, arg, vscode.l10n.t('Export which tenant?'));
    const target = vscode.Uri.parse(
      await ctx.ui.pickFolder({
        title: vscode.l10n.t('Export {0} into which folder?', tenantLabel(tenant)),
        openLabel: vscode.l10n.t('Export Here'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri.toString(),
      }),
    );
    if (target.scheme !== 'file')
      throw new Error(
        vscode.l10n.t('Export writes to a folder on disk; {0} is not one.', target.toString()),
      );
    const folder = vscode.Uri.joinPath(target, exportFolderName(tenant));
    if (await exists(folder))
      await ctx.ui.confirm({
        message: vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(folder)),
        detail: vscode.l10n.t(
          'Files of the same name are replaced with what the tenant holds now; other files stay.',
        ),
        actions: [vscode.l10n.t('Replace Files')],
      });
    const files = await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Exporting {0}…', tenantLabel(tenant)),
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
    if (readme)
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
