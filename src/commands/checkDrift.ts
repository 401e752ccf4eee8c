import * as vscode from 'vscode';
import { listPartners } from '../core/graph/operations/partners';
import { getDefaultConfiguration, getPolicy } from '../core/graph/operations/policy';
import { driftOfTenantFolder, type DriftEntry, type FolderFile } from '../core/policy/drift';
import { fromWorkspacePath } from '../core/policy/documentUri';
import type { CommandContext, CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { plural } from '../core/plural';

/**
 * Compares exported policy files with what their tenants hold now: one Problems entry per drifted
 * property (and per document on one side only), each with a diff action. Works on a tenant folder
 * or on a folder of several exported tenants.
 *
 * Argument: a folder's URI (the explorer), or nothing: the workspace folder (picked when there are
 * several). Returns each drifted file and what differs.
 */
export const checkDrift: CommandDefinition = {
  id: 'crossTenant.checkDrift',
  run: async (ctx, arg) => {
    const folder = await driftFolder(ctx, arg);
    const files = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/*.xta-{policy,default,partner,identitysync}.json'),
      '**/node_modules/**',
    );
    // Group files by their tenant folder (the export layout names it after the tenant).
    const groups = new Map<string, { tenantFolder: vscode.Uri; files: FolderFile[] }>();
    for (const uri of files) {
      const rel = uri.path.split('/').slice(-3).join('/');
      const identity = fromWorkspacePath(rel);
      if (!identity) continue;
      const tenantFolder = vscode.Uri.joinPath(uri, identity.partnerTenantId ? '../..' : '..');
      const group = groups.get(tenantFolder.toString()) ?? { tenantFolder, files: [] };
      group.files.push({
        file: vscode.workspace.asRelativePath(uri, false),
        identity,
        text: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'),
      });
      groups.set(tenantFolder.toString(), group);
    }
    if (!groups.size)
      throw new Error(
        vscode.l10n.t(
          'No exported policy files under {0} (use Export Tenant to Workspace first).',
          vscode.workspace.asRelativePath(folder),
        ),
      );
    await ctx.tenants.load();
    const all: DriftEntry[] = [];
    const unknown: string[] = [];
    await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking drift against live…'),
      },
      async (_p, signal) => {
        for (const { tenantFolder, files: group } of groups.values()) {
          const name = group[0].identity.tenant;
          const tenant = ctx.tenants.byFolderName(name);
          if (!tenant) {
            unknown.push(name);
            continue;
          }
          const client = ctx.connections.client(tenant);
          const [policy, defaults, partners] = await Promise.all([
            getPolicy(client, { signal }),
            getDefaultConfiguration(client, { signal }),
            listPartners(client, { signal }),
          ]);
          const entries = driftOfTenantFolder(
            group,
            { policy, defaults, partners },
            vscode.workspace.asRelativePath(tenantFolder, false),
          );
          ctx.log.info(
            `Drift of ${vscode.workspace.asRelativePath(tenantFolder)} against ${tenantLabel(tenant)}: ${plural(entries.length, 'difference')}.`,
          );
          all.push(...entries);
        }
      },
    );
    const base = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
    ctx.drift.show(base, folder, all);
    const drifted = new Set(all.map((e) => e.file)).size;
    const note = unknown.length
      ? ` ${vscode.l10n.t('Not checked (add these tenants first): {0}.', unknown.join(', '))}`
      : '';
    if (all.length) {
      const show = vscode.l10n.t('Show Problems');
      const found =
        all.length === 1
          ? drifted === 1
            ? vscode.l10n.t('1 drifted property in 1 file: see Problems.')
            : vscode.l10n.t('1 drifted property in {0} files: see Problems.', drifted)
          : drifted === 1
            ? vscode.l10n.t('{0} drifted properties in 1 file: see Problems.', all.length)
            : vscode.l10n.t(
                '{0} drifted properties in {1} files: see Problems.',
                all.length,
                drifted,
              );
      void ctx.ui
        .warn(`${found}${note}`, show)
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else {
      void ctx.ui.inform(`${vscode.l10n.t('No drift: the files match their tenants.')}${note}`);
    }
    return all.map((e) => ({ file: e.file, message: e.message }));
  },
};

/** The folder to check: the one given, the workspace's only folder, or the one the user picks. */
async function driftFolder(ctx: CommandContext, arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  if (arg !== undefined && arg !== null)
    throw new Error(vscode.l10n.t('Check Drift works on a folder of exported policy files.'));
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length)
    throw new Error(vscode.l10n.t('Open a folder with exported policy files to check drift.'));
  if (folders.length === 1) return folders[0].uri;
  return ctx.ui.pick(
    folders.map((f) => ({ label: f.name, description: f.uri.fsPath, value: f.uri })),
    { placeHolder: vscode.l10n.t('Check which folder for drift?') },
  );
}
