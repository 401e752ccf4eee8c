import { boundedLines } from '../boundedLines';
import { describeError } from '../describeError';
import type { DefaultConfiguration, Partner } from '../graph/types';
import type { TenantAccess } from '../impact/narrowing';
import type { ImpactResult } from '../impact/previewImpact';
import { defaultBlastRadius } from '../policy/blastRadius';
import { cannotInheritMessage } from '../policy/cannotInherit';
import { parseDocument, toCanonicalText } from '../policy/canonical';
import type { Diagnostic } from '../policy/diagnostic';
import type { DocumentKindId } from '../policy/documentKinds';
import type { DocumentIdentity } from '../policy/documentUri';
import { planPush, type PushPlan } from '../policy/pushPlan';
import { resolveConflicts, threeWay } from '../policy/threeWay';
import { unknownPropertiesSent } from '../policy/unknownPropertiesSent';
import type { UserInput } from '../ports/userInput';
import { UserCancelledError } from '../userCancelledError';
import type { ImpactListRow } from '../impact/describeImpact';
import { changedMatchingAttributes } from '../sync/matchingAttributes';
import type { PushWords } from './pushWords';

/** The document being pushed, as the host read it. */
export interface PushDocument {
  readonly identity: DocumentIdentity;
  /** A draft of the extension (a rebase is saved into it) or an exported file. */
  readonly source: 'draft' | 'file';
  readonly text: string;
  /** The document's checks: errors refuse the push, and so do unknown properties it would send. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Canonical text of the live version the document started from (the draft's, or the export's
   * record). Undefined: none is known, so live is not compared (Graph has no ETags).
   */
  readonly base: string | undefined;
  /** Said in the confirmation below the changes (e.g. an exported file with no record of its base). */
  readonly note?: string;
}

/** How the flow reaches the tenant and the host around it. */
export interface PushHost {
  /** What the tenant holds now (a fresh GET). */
  readLive(): Promise<Record<string, unknown>>;
  /** The tenant's partners: who a change of the default settings reaches. */
  partners(): Promise<readonly Partner[]>;
  /** The tenant's default settings: what a partner's settings are judged over (the impact preview). */
  defaults(): Promise<DefaultConfiguration>;
  /**
   * The impact preview of a change of the default or partner settings: reads the sign-ins it is
   * about (with progress; cancelling rejects with a cancellation) and judges them.
   */
  previewImpact(before: TenantAccess, after: TenantAccess): Promise<ImpactResult>;
  /** Opens who the change affects as a read-only document. */
  showImpact(result: EvaluatedImpact): Promise<void>;
  /** Sends the plan: the one write of a push. */
  send(plan: PushPlan): Promise<void>;
  /** The document's checks against `live` (the default settings' cannot-inherit rule needs it). */
  checkAgainstLive(live: object): readonly Diagnostic[];
  /** Shows the version the document started from against live and against the document. */
  showVersions(): Promise<void>;
  /** A rebased draft starts from today's live: kept so a later push compares with that. */
  saveRebased(text: string, baseText: string): Promise<void>;
  /** Nothing differs from live: the draft, if any, is dropped. */
  nothingToPush(): Promise<void>;
  /** After the write: `after` is live re-read (canonical text), `rebased` the object sent when the push was rebased. */
  pushed(after: string, rebased: Record<string, unknown> | undefined): Promise<void>;
}

export type EvaluatedImpact = Extract<ImpactResult, { kind: 'evaluated' }>;

export interface PushResult {
  readonly pushed: boolean;
  readonly changes: string[];
  readonly sent?: Record<string, unknown>;
  /** Why nothing was sent, as the user was told (refused for errors, or nothing to push). */
  readonly notPushed?: string;
  /** The refusal names problems of the document: the host offers to show them. */
  readonly showProblems?: boolean;
}

/** A dialog's list: bounded, so a huge change cannot push the buttons off the screen. */
function bulleted(lines: readonly string[], words: PushWords): string {
  return boundedLines(lines, undefined, (hidden) => words.more(hidden))
    .map((line) => `• ${line}`)
    .join('\n');
}

function identityFields(
  identity: DocumentIdentity,
): Partial<Record<'partnerTenantId' | 'jobId', string>> {
  return 'partnerTenantId' in identity
    ? { partnerTenantId: identity.partnerTenantId }
    : 'jobId' in identity
      ? { jobId: identity.jobId }
      : {};
}

/**
 * The one way a document reaches a tenant. In order: refused while it has errors; live is re-read
 * and compared with the version the document started from (Graph has no ETags: this is the only
 * guard against overwriting a colleague), and if it moved the user rebases their own changes onto
 * live (choosing for each property both changed), looks at the versions, or overwrites after a
 * second confirmation; refused when it would break what Graph or the sync needs; summarised in
 * words with its blast radius in a modal confirmation; sent as a minimal PATCH; live re-read and
 * handed to the host to record. Every question goes through `ui`: dismissing one throws
 * UserCancelledError and nothing is sent. A refusal the user must act on throws an Error with the
 * words to show; a refusal that names the document's problems is returned (`showProblems`).
 */
export async function runPush(
  doc: PushDocument,
  host: PushHost,
  ui: UserInput,
  words: PushWords,
): Promise<PushResult> {
  const kind: DocumentKindId = doc.identity.kind;
  const errors = doc.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return refusal(errors, words);
  const parsed = parseDocument(kind, doc.text, identityFields(doc.identity));
  if (!parsed.value) throw new Error(words.notAnObject);
  let draft: Record<string, unknown> = parsed.value;

  const live = await host.readLive();
  let rebased = false;
  if (doc.base !== undefined && toCanonicalText(kind, live) !== doc.base) {
    draft = await onLiveChanged(doc, JSON.parse(doc.base) as object, live, draft, host, ui, words);
    rebased = draft !== parsed.value;
  }

  if (kind === 'syncSchema') {
    const broken = changedMatchingAttributes(live, draft);
    if (broken.length) throw new Error(words.matchingAttributes(broken.join('; ')));
  }
  const plan = planPush(kind, live, draft);
  // The default settings cannot inherit: a setting left out since live (a workspace file, or one
  // live gained since the draft began) is refused, never sent as null.
  if (plan.cannotInherit.length > 0) {
    const refused = host.checkAgainstLive(live).filter((d) => d.code === 'default-cannot-inherit');
    if (refused.length) return refusal(refused, words);
    // Only a rebase can drop a setting the text still holds.
    const [key] = plan.cannotInherit;
    throw new Error(words.notPushed(cannotInheritMessage(key, draft[key] === undefined)));
  }
  if (plan.empty) {
    await host.nothingToPush();
    const notPushed = words.nothingToPush;
    void ui.inform(notPushed);
    return { pushed: false, changes: [], notPushed };
  }
  // Graph answers 400 to a property it does not know: such a push is refused before anything is sent.
  const [unknown] = unknownPropertiesSent(doc.text, doc.diagnostics, Object.keys(plan.patch));
  if (unknown)
    throw new Error(
      words.unknownProperty(unknown.range.start.line + 1, unknown.message.split('. ')[0]),
    );
  await confirmPush(doc, plan, live, draft, host, ui, words);
  await host.send(plan);
  // Re-read: what the tenant holds now is what the user sees.
  const after = toCanonicalText(kind, await host.readLive());
  await host.pushed(after, rebased ? draft : undefined);
  return { pushed: true, changes: plan.changes, sent: plan.patch };
}

/** Nothing is sent; the first problem is named, with the way to the others. */
function refusal(problems: readonly Diagnostic[], words: PushWords): PushResult {
  const [first] = problems;
  return {
    pushed: false,
    changes: [],
    notPushed: words.refusedForErrors(problems.length, first.range.start.line + 1, first.message),
    showProblems: true,
  };
}

/** Live changed since the document began: show, rebase the user's own changes onto live, or overwrite after a second confirmation. */
async function onLiveChanged(
  doc: PushDocument,
  base: object,
  live: Record<string, unknown>,
  draft: Record<string, unknown>,
  host: PushHost,
  ui: UserInput,
  words: PushWords,
): Promise<Record<string, unknown>> {
  const kind = doc.identity.kind;
  const result = threeWay(kind, base, live, draft);
  if (!result.liveChanged) return draft;
  const detail = words.liveChangedDetail(
    bulleted(result.theirs, words),
    result.conflicts.length
      ? bulleted(
          result.conflicts.map((c) => c.label),
          words,
        )
      : undefined,
  );
  // Paced by the user: each round is a modal they answer; dismissing it ends the push.
  let choice: string;
  for (;;) {
    choice = await ui.confirm({
      message: doc.source === 'draft' ? words.liveChangedSinceDraft : words.liveChangedSinceExport,
      detail,
      actions: [words.rebase, words.showVersions, words.overwrite],
    });
    if (choice !== words.showVersions) break;
    await host.showVersions();
  }
  if (choice === words.overwrite) {
    await ui.confirm({
      message: words.overwriteQuestion,
      detail: words.overwriteDetail(bulleted(result.theirs, words)),
      actions: [words.overwriteButton],
    });
    return draft;
  }
  const choices: Record<string, 'live' | 'draft'> = {};
  for (const c of result.conflicts) {
    choices[c.path.join('/')] = await ui.pick<'live' | 'draft'>(
      [
        { label: words.keepMine, description: JSON.stringify(c.draft), value: 'draft' },
        { label: words.keepTheirs, description: JSON.stringify(c.live), value: 'live' },
      ],
      { title: words.bothChanged(c.label), placeHolder: words.whichValue(JSON.stringify(c.base)) },
    );
  }
  const merged = result.conflicts.length ? resolveConflicts(result, choices) : result.merged;
  if (doc.source === 'draft')
    await host.saveRebased(toCanonicalText(kind, merged), toCanonicalText(kind, live));
  return merged;
}

async function confirmPush(
  doc: PushDocument,
  plan: PushPlan,
  live: Record<string, unknown>,
  draft: Record<string, unknown>,
  host: PushHost,
  ui: UserInput,
  words: PushWords,
): Promise<void> {
  const note = doc.note ? `\n\n${doc.note}` : '';
  let reach = '';
  let partners: readonly Partner[] | undefined;
  if (doc.identity.kind === 'default') {
    partners = await host.partners();
    const radius = defaultBlastRadius(live, draft, partners);
    reach = `\n\n${words.defaultReach(radius.length > 0)}\n${radius
      .map((r) => `• ${words.inheritedBy(r.label, r.inheritingPartnerIds.length)}`)
      .join('\n')}`;
  }
  const impact = await impactOf(doc.identity, live, plan, host, words, partners);
  const affected =
    impact.result?.kind === 'evaluated' ? words.impact.rows(impact.result.evaluation) : [];
  const actions = affected.length > 0 ? [words.push, words.impact.showAffected] : [words.push];
  // Paced by the user: each round is a modal they answer; dismissing it ends the push.
  for (;;) {
    const choice = await ui.confirm({
      message: words.confirmPush(plan.changes.length),
      detail: `${bulleted(plan.changes, words)}${reach}${impact.text}${note}`,
      actions,
    });
    if (choice === words.push) return;
    await showAffected(impact.result as EvaluatedImpact, affected, host, ui, words);
  }
}

/** How many affected rows the confirmation names before "… and N more" (the list has them all). */
const NAMED_IN_CONFIRMATION = 5;

/**
 * The impact preview's part of the confirmation, for a change of the default or partner
 * settings: the one line, and the first rows it would hit. The preview never stops a push: a
 * read that fails or is cancelled says so in the line, and the usual confirmation follows.
 */
async function impactOf(
  identity: DocumentIdentity,
  live: Record<string, unknown>,
  plan: PushPlan,
  host: PushHost,
  words: PushWords,
  knownPartners: readonly Partner[] | undefined,
): Promise<{ readonly text: string; readonly result?: ImpactResult }> {
  if (identity.kind !== 'default' && identity.kind !== 'partner') return { text: '' };
  let result: ImpactResult;
  try {
    const partners = knownPartners ?? (await host.partners());
    // What the tenant holds after the PATCH (null: the partner inherits the default again).
    const after = { ...live, ...plan.patch };
    let access: { before: TenantAccess; after: TenantAccess };
    if (identity.kind === 'default') {
      access = {
        before: { defaults: live, partners },
        after: { defaults: after, partners },
      };
    } else {
      const defaults = await host.defaults();
      const id = identity.partnerTenantId.toLowerCase();
      const others = partners.filter((p) => p.tenantId.toLowerCase() !== id);
      access = {
        before: { defaults, partners: [...others, live as unknown as Partner] },
        after: { defaults, partners: [...others, after as unknown as Partner] },
      };
    }
    result = await host.previewImpact(access.before, access.after);
  } catch (err) {
    const d = describeError(err);
    return { text: `\n\n${d.cancelled ? words.impact.cancelled : words.impact.failed(d.summary)}` };
  }
  const lines = [words.impact.line(result)];
  if (result.kind === 'evaluated') {
    const rows = words.impact.rows(result.evaluation);
    lines.push(
      ...rows.slice(0, NAMED_IN_CONFIRMATION).map((r) => {
        const row = words.impact.row(r);
        return `• ${row.label} — ${row.description}`;
      }),
    );
    if (rows.length > NAMED_IN_CONFIRMATION)
      lines.push(words.more(rows.length - NAMED_IN_CONFIRMATION));
  }
  return { text: `\n\n${lines.join('\n')}`, result };
}

/**
 * Who the change affects, as a list to read and search before answering again: its first item
 * opens the list as a document; choosing a row or dismissing the list goes back to the question.
 */
async function showAffected(
  result: EvaluatedImpact,
  rows: readonly ImpactListRow[],
  host: PushHost,
  ui: UserInput,
  words: PushWords,
): Promise<void> {
  let choice: number;
  try {
    choice = await ui.pick<number>(
      [
        { label: words.impact.openAsDocument, value: -1 },
        ...rows.map((r, i) => ({ ...words.impact.row(r), value: i })),
      ],
      {
        title: words.impact.listTitle,
        placeHolder: words.impact.listPlaceholder,
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
  } catch (err) {
    if (err instanceof UserCancelledError) return;
    throw err;
  }
  if (choice === -1) await host.showImpact(result);
}
