import * as vscode from 'vscode';
import type { UsageResult } from '../core/impact/partnershipUsage';
import { usageReport } from './usageReport';

export const IMPACT_SCHEME = 'xtenant-impact';

/**
 * Impact previews and partnership usage of this session, served as read-only Markdown documents
 * (kept until VS Code restarts: they are what the sign-ins said when read, not live).
 */
export class ImpactReports implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();

  /** Stores a report; the tab reads `<title>.md` under its tenant's name, the query keeps reports apart. */
  add(tenant: string, title: string, markdown: string): vscode.Uri {
    const safe = (text: string): string => text.replace(/[\\/]/g, '-');
    const uri = vscode.Uri.from({
      scheme: IMPACT_SCHEME,
      path: `/${safe(tenant)}/${safe(title)}.md`,
      query: `at=${Date.now()}-${this.reports.size}`,
    });
    this.reports.set(uri.toString(), markdown);
    return uri;
  }

  /** Stores a report and opens it beside the editor, rendered. */
  async show(tenant: string, title: string, markdown: string): Promise<vscode.Uri> {
    const uri = this.add(tenant, title, markdown);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return uri;
  }

  /** "Who uses this partnership?": `who`'s sign-ins with `partner`, opened beside the editor. */
  showUsage(
    who: string,
    partner: string,
    result: Extract<UsageResult, { kind: 'read' }>,
  ): Promise<vscode.Uri> {
    const { title, markdown } = usageReport(who, partner, result);
    return this.show(who, title, markdown);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.reports.get(uri.toString()) ??
      vscode.l10n.t('This report is no longer available: reports are kept until VS Code restarts.')
    );
  }
}
