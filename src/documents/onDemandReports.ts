import * as vscode from 'vscode';

export const ON_DEMAND_SCHEME = 'xtenant-ondemand';

/** Provision-on-demand reports of this session, served as read-only Markdown documents. */
export class OnDemandReports implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();

  /** Stores a report; the tab reads "Preview <configuration> on demand.md", the query keeps reports apart. */
  add(jobId: string, configuration: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: ON_DEMAND_SCHEME,
      path: `/${jobId}/${configuration.replace(/[\\/]/g, '-')} on demand.md`,
      query: `at=${Date.now()}`,
    });
    this.reports.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.reports.get(uri.toString()) ??
      vscode.l10n.t('This report is no longer available: reports are kept until VS Code restarts.')
    );
  }
}
