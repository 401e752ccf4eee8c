import * as vscode from 'vscode';
import { listPartners } from '../core/graph/operations/partners';
import { getDefaultConfiguration, getPolicy } from '../core/graph/operations/policy';
import { driftOfTenantFolder, type DriftEntry, type FolderFile } from '../core/policy/drift';
import { fromWorkspacePath } from '../core/policy/documentUri';
import type { CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { plural } from '../core/plural';

/**
 * Compares exported policy files with what their tenants hold now: one Problems entry per drifted
 * property (and per document on one side only), each with a diff action. Works on a tenant folder
 * or on a folder of several exported tenants.
 */
export const checkDrift: CommandDefinition = {
  id: 'crossTenant.checkDrift',
  run: async (ctx, arg) => {
    const folder =
      arg instanceof vscode.Uri
        ? arg
        : vscode.workspace.workspaceFolders?.length === 1
          ? vscode.workspace.workspaceFolders[0].uri
          : (
              await vscode.window.showWorkspaceFolderPick({
                placeHolder: 'Check which folder for drift?',
              })
            )?.uri;
    if (!folder) return undefined;
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
        `No exported policy files under ${vscode.workspace.asRelativePath(folder)} (use Export Tenant to Workspace first).`,
      );
    await ctx.tenants.load();
    const all: DriftEntry[] = [];
    const unknown: string[] = [];
    await withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking drift against live…' },
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
    const files2 = new Set(all.map((e) => e.file)).size;
    const note = unknown.length
      ? ` Not checked (add these tenants first): ${unknown.join(', ')}.`
      : '';
    if (all.length) {
      void vscode.window
        .showWarningMessage(
          `${plural(all.length, 'drifted property', 'drifted properties')} in ${plural(files2, 'file')}: see Problems.${note}`,
          'Show Problems',
        )
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else {
      void vscode.window.showInformationMessage(`No drift: the files match their tenants.${note}`);
    }
    return all.map((e) => ({ file: e.file, message: e.message }));
  },
};
