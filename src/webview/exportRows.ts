import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProvisioningObjectSummary } from '../core/graph/types';
import type { LogRow } from '../core/provisioning/logRow';
import { toCsv } from '../core/provisioning/toCsv';
import { toJsonExport } from '../core/provisioning/toJsonExport';
import { logExportFileName } from '../core/provisioning/exportFileName';
import { writeFileUnder } from '../core/files/writeFilesUnder';

/** Where exports go inside the workspace: next to the policies a support ticket is about. */
export const EXPORT_FOLDER = 'provisioning-logs';

/**
 * Writes the rows the user sees (filtered and sorted) into the workspace, as CSV (the table's
 * columns) or JSON (the full entries with steps and modified properties), and says where. Without a
 * workspace folder it asks where to save. Returns the file written.
 */
export async function exportRows(
  data: {
    readonly rows: readonly LogRow[];
    readonly entries: readonly ProvisioningObjectSummary[];
  },
  format: 'csv' | 'json',
  configurationName: string,
): Promise<vscode.Uri | undefined> {
  const name = logExportFileName(configurationName, format, new Date());
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = folder
    ? vscode.Uri.joinPath(folder, EXPORT_FOLDER, name)
    : await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export provisioning logs'),
        saveLabel: vscode.l10n.t('Export'),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      });
  if (!uri) return undefined;
  if (uri.scheme !== 'file')
    throw new Error(
      vscode.l10n.t('Log export writes to a folder on disk; {0} is not one.', uri.toString()),
    );
  const text = format === 'csv' ? toCsv(data.rows) : toJsonExport(data.entries);
  // Atomic, and never through a symbolic link: below the workspace folder, or the file chosen.
  if (folder) await writeFileUnder(folder.fsPath, `${EXPORT_FOLDER}/${name}`, text);
  else await writeFileUnder(path.dirname(uri.fsPath), path.basename(uri.fsPath), text);
  const where = vscode.workspace.asRelativePath(uri);
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(
      data.rows.length === 1
        ? vscode.l10n.t('Exported 1 log entry to {0}.', where)
        : vscode.l10n.t('Exported {0} log entries to {1}.', data.rows.length, where),
      open,
    )
    .then(async (choice) => {
      if (choice === open) await vscode.window.showTextDocument(uri);
    });
  return uri;
}
