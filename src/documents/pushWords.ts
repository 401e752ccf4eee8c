import * as vscode from 'vscode';
import type { PushWords } from '../core/push/pushWords';
import { tenantLabel } from '../core/tenants/tenantLabel';
import type { DocumentTarget } from '../services/documentTarget';
import type { TenantNames } from '../core/history/describeHistoryEntry';
import { pushImpactWords } from './pushImpactWords';

/** What the push flow says about this document and its tenant, translated; `names` names the tenants a change reaches. */
export function pushWords(target: DocumentTarget, names: TenantNames = () => undefined): PushWords {
  const who = tenantLabel(target.tenant);
  const id = target.identity;
  const what =
    id.kind === 'partner'
      ? vscode.l10n.t('the partner settings for {0}', id.label)
      : id.kind === 'identitySync'
        ? vscode.l10n.t('the identity synchronization for {0}', id.label)
        : id.kind === 'syncSchema'
          ? vscode.l10n.t(
              'the attribute mappings (the whole schema is replaced and the job restarts)',
            )
          : id.kind === 'default'
            ? vscode.l10n.t('the default settings')
            : vscode.l10n.t('the base policy');
  return {
    refusedForErrors: (n, line, message) =>
      n === 1
        ? vscode.l10n.t(
            'Not pushed: the document has 1 error (first: line {0}, {1})',
            line,
            message,
          )
        : vscode.l10n.t(
            'Not pushed: the document has {0} errors (first: line {1}, {2})',
            n,
            line,
            message,
          ),
    notAnObject: vscode.l10n.t('The document is not a JSON object, so nothing was pushed.'),
    notPushed: (reason) => vscode.l10n.t('Not pushed: {0}', reason),
    unknownProperty: (line, message) =>
      vscode.l10n.t(
        'Not pushed: line {0}: {1}. Graph answers 400 to a property it does not know: remove it or fix its spelling.',
        line,
        message,
      ),
    matchingAttributes: (broken) =>
      vscode.l10n.t(
        'Not pushed: {0}. Matching attributes pair users with their copies in the target; changing them makes the next cycle create duplicates. Keep them as they are.',
        broken,
      ),
    nothingToPush: vscode.l10n.t('Nothing to push: the document matches {0}.', who),
    liveChangedSinceDraft: vscode.l10n.t(
      'Someone changed this policy in {0} since your draft began. Nothing was pushed.',
      who,
    ),
    liveChangedSinceExport: vscode.l10n.t(
      'Someone changed this policy in {0} since this file was exported. Nothing was pushed.',
      who,
    ),
    liveChangedDetail: (theirs, both) =>
      both === undefined
        ? vscode.l10n.t('Changed in the tenant:\n{0}', theirs)
        : vscode.l10n.t(
            'Changed in the tenant:\n{0}\n\nBoth you and the tenant changed:\n{1}',
            theirs,
            both,
          ),
    rebase: vscode.l10n.t('Rebase onto Live'),
    showVersions: vscode.l10n.t('Show Versions'),
    overwrite: vscode.l10n.t('Overwrite Live…'),
    overwriteQuestion: vscode.l10n.t('Overwrite the changes made in {0}?', who),
    overwriteDetail: (theirs) =>
      vscode.l10n.t(
        'These changes made in the tenant will be replaced by your draft:\n{0}',
        theirs,
      ),
    overwriteButton: vscode.l10n.t('Overwrite'),
    bothChanged: (label) => vscode.l10n.t('Both changed: {0}', label),
    whichValue: (base) => vscode.l10n.t('Was {0}. Which value should the push keep?', base),
    keepMine: vscode.l10n.t('Keep mine'),
    keepTheirs: vscode.l10n.t("Keep the tenant's"),
    confirmPush: (n) =>
      n === 1
        ? vscode.l10n.t('Push to {0}: 1 change to {1}?', who, what)
        : vscode.l10n.t('Push to {0}: {1} changes to {2}?', who, n, what),
    defaultReach: (partners) =>
      partners
        ? vscode.l10n.t(
            'Every external organization without its own setting gets these changes, including partners that inherit them:',
          )
        : vscode.l10n.t('Every external organization without its own setting gets these changes.'),
    inheritedBy: (setting, n) =>
      n === 1
        ? vscode.l10n.t('{0}: 1 partner inherits it', setting)
        : vscode.l10n.t('{0}: {1} partners inherit it', setting, n),
    push: vscode.l10n.t('Push'),
    impact: pushImpactWords(who, names),
    more: (hidden) => vscode.l10n.t('… and {0} more', hidden),
  };
}
