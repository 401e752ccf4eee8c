import * as vscode from 'vscode';

export const ON_DEMAND_SCHEME = 'xtenant-ondemand';

/** Provision-on-demand reports of this session, served as read-only Markdown documents. */
export class OnDemandReports implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();

  add(jobId: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ON_DEMAND_SCHEME, path: `/${encodeURIComponent(jobId)}/${Date.now()}.md` });
    this.reports.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? 'This report is no longer available: reports are kept until VS Code restarts.';
  }
}
