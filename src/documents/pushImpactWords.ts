import * as vscode from 'vscode';
import { describeImpact, impactSummaryLine } from '../core/impact/describeImpact';
import type { TenantNames } from '../core/history/describeHistoryEntry';
import type { PushImpactWords } from '../core/push/pushWords';
import { impactWords } from './impactWords';

/** The push confirmation's words about who a change would hit, translated; `tenant` is the one pushed to. */
export function pushImpactWords(tenant: string, names: TenantNames): PushImpactWords {
  const words = impactWords();
  return {
    line: (result) => impactSummaryLine(result, tenant, names, words),
    rows: (evaluation) => describeImpact(evaluation, names, words),
    row: (r) => ({
      label: r.user,
      description: vscode.l10n.t('{0} ({1}): {2}', r.app, r.organization, r.verdict),
      detail: vscode.l10n.t(
        'Last sign-in {0} · {1}',
        r.lastSignIn.slice(0, 16).replace('T', ' '),
        r.why.join(vscode.l10n.t('; ')),
      ),
    }),
    failed: (reason) =>
      vscode.l10n.t('Who this change would block could not be checked: {0}', reason),
    cancelled: vscode.l10n.t(
      'The sign-in check was cancelled, so who this change would block is not known.',
    ),
    showAffected: vscode.l10n.t('Show Who Is Affected'),
    listTitle: vscode.l10n.t('Who this change would affect in {0}', tenant),
    listPlaceholder: vscode.l10n.t(
      'Search by user, app or reason; pick a row or press Escape to return to the push question',
    ),
    openAsDocument: vscode.l10n.t('$(go-to-file) Open the list as a document'),
  };
}
