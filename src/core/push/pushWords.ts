import type { ImpactListRow } from '../impact/describeImpact';
import type { ImpactEvaluation } from '../impact/evaluateImpact';
import type { ImpactResult } from '../impact/previewImpact';

/** What the push confirmation says about who a change of access settings would hit. */
export interface PushImpactWords {
  /** The one line: "23 users from Fabrikam signed in to 4 apps in the last 7 days; 9 of them would be blocked." */
  line(result: ImpactResult): string;
  /** The affected rows in words (names, not ids), worst first. */
  rows(evaluation: ImpactEvaluation): ImpactListRow[];
  /** One affected row: in the confirmation (label — description) and as an item of the list. */
  row(row: ImpactListRow): {
    readonly label: string;
    readonly description: string;
    readonly detail: string;
  };
  /** The sign-ins could not be read for another reason (the error's summary). */
  failed(reason: string): string;
  /** The user cancelled the read. */
  readonly cancelled: string;
  /** The confirmation's button that lists who is affected. */
  readonly showAffected: string;
  /** The list: its title and placeholder, and its first item, which opens it as a document. */
  readonly listTitle: string;
  readonly listPlaceholder: string;
  readonly openAsDocument: string;
}

/**
 * Everything the push flow says, built by the host with its translations (core knows no
 * vscode.l10n): the flow decides when each is shown, the host how it reads. The tenant and the
 * document are already in the words that name them.
 */
export interface PushWords {
  /** "Not pushed: the document has 2 errors (first: line 3, …)". */
  refusedForErrors(count: number, line: number, message: string): string;
  readonly notAnObject: string;
  /** "Not pushed: <reason>" for a reason core words (the default settings cannot inherit). */
  notPushed(reason: string): string;
  /** Graph would get a property it does not know (line, the warning's first sentence). */
  unknownProperty(line: number, message: string): string;
  /** A sync schema push that changes matching attributes (listed). */
  matchingAttributes(broken: string): string;
  /** The document matches the tenant. */
  readonly nothingToPush: string;

  /** The conflict dialog's message for a draft, and for an exported file. */
  readonly liveChangedSinceDraft: string;
  readonly liveChangedSinceExport: string;
  /** Its detail: what changed in the tenant, and what both changed (bulleted lists). */
  liveChangedDetail(theirs: string, both: string | undefined): string;
  readonly rebase: string;
  readonly showVersions: string;
  readonly overwrite: string;
  readonly overwriteQuestion: string;
  overwriteDetail(theirs: string): string;
  readonly overwriteButton: string;
  /** The pick for one property both changed: its title, and the base value in the placeholder. */
  bothChanged(label: string): string;
  whichValue(base: string): string;
  readonly keepMine: string;
  readonly keepTheirs: string;

  /** "Push to Contoso: 2 changes to the default settings?" */
  confirmPush(changes: number): string;
  /** The default settings' reach, before the list of settings partners inherit (`partners`: any). */
  defaultReach(partners: boolean): string;
  inheritedBy(setting: string, partners: number): string;
  readonly push: string;
  /** Who a change of the default or partner settings would hit. */
  readonly impact: PushImpactWords;
  /** The last line of a list cut short. */
  more(hidden: number): string;
}
