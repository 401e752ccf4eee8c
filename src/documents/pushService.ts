import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileUnder } from '../core/files/writeFilesUnder';
import { exportPaths, parseBase, type ExportPaths } from '../core/policy/exportBase';
import { setIdentitySync } from '../core/graph/operations/identitySync';
import { listPartners, updatePartner } from '../core/graph/operations/partners';
import { updateDefaultConfiguration, updatePolicy } from '../core/graph/operations/policy';
import { putSyncSchema } from '../core/graph/operations/syncJobs';
import { changedMatchingAttributes } from '../core/sync/matchingAttributes';
import { defaultBlastRadius } from '../core/policy/blastRadius';
import { cannotInheritMessage } from '../core/policy/cannotInherit';
import { parseDocument, toCanonicalText } from '../core/policy/canonical';
import type { Diagnostic } from '../core/policy/diagnostic';
import type { DocumentIdentity } from '../core/policy/documentUri';
import { boundedLines } from '../core/boundedLines';
import { plural } from '../core/plural';
import { unknownPropertiesSent } from '../core/policy/unknownPropertiesSent';
import { planPush, type PushPlan } from '../core/policy/pushPlan';
import { resolveConflicts, threeWay } from '../core/policy/threeWay';
import type { Log } from '../host/log';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { type TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantData } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import type { DraftStore } from '../services/drafts/draftStore';
import { resolveDocumentTarget, type DocumentTarget } from './documentTarget';
import type { LiveDocumentProvider } from './liveDocumentProvider';
import type { PolicyChecker } from './policyChecker';
import { liveCounterpart, policyUri, POLICY_SCHEME } from '../services/documentUris';

/** Thrown to end a push the user declined: silent, like any cancellation. */
class PushCancelled extends Error {
  override readonly name = 'Canceled';
}

export interface PushOptions {
  /** Push a workspace file to this tenant instead of the one its folder names (cloning a configuration). */
  readonly targetTenantId?: string;
  /** Tests: answer the confirmations. `conflict` picks what to do when live changed since the draft began. */
  readonly answers?: {
    readonly confirm?: boolean;
    readonly conflict?: 'rebase' | 'overwrite' | 'cancel';
    readonly conflictChoice?: 'live' | 'draft';
  };
}

export interface PushResult {
  readonly pushed: boolean;
  readonly changes: string[];
  readonly sent?: Record<string, unknown>;
  /** Why nothing was sent, as the user was told (refused for errors, or nothing to push). */
  readonly notPushed?: string;
}

/**
 * The one way anything reaches a tenant from a document. In order: the document is saved (so a
 * failure can never lose the edit), refused while it has errors, compared with live re-read now and
 * with the version the draft started from (Graph has no ETags: this is our only guard against
 * overwriting a colleague), summarised in words with its blast radius in a modal confirmation, sent
 * as a minimal PATCH, re-read, and only then is the draft dropped and the tree refreshed. Any
 * failure leaves the draft exactly as it was.
 */
export class PushService {
  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
    private readonly live: LiveDocumentProvider,
    private readonly drafts: DraftStore,
    private readonly checker: PolicyChecker,
    private readonly data: TenantData,
    private readonly log: Log,
  ) {}

  async push(uri: vscode.Uri, options: PushOptions = {}): Promise<PushResult> {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.isDirty && !(await doc.save()))
      throw new Error('The document could not be saved, so nothing was pushed.');
    const override = options.targetTenantId
      ? this.store.byTenantId(options.targetTenantId)
      : undefined;
    if (options.targetTenantId && !override)
      throw new Error(`Tenant ${options.targetTenantId} is not in the Tenants view.`);
    const target = await resolveDocumentTarget(uri, this.store, override);
    if (target.isWorkspaceFile && !vscode.workspace.isTrusted) {
      throw new Error(
        'Pushing from workspace files is disabled in Restricted Mode: trust this workspace first (Workspaces: Manage Workspace Trust).',
      );
    }

    const diagnostics = this.checker.check(doc);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) return this.refuse(uri, errors);
    const parsed = parseDocument(target.kind, doc.getText(), identityFields(target.identity));
    if (!parsed.value) throw new Error('The document is not a JSON object, so nothing was pushed.');
    let draft: Record<string, unknown> = parsed.value;

    const liveObject = (await this.live.read(target.identity, target.tenant)) as Record<
      string,
      unknown
    >;
    // A draft remembers what it started from; an exported file has its base in .xta-base/. Pushed to
    // another tenant, a file's base (of the tenant it came from) says nothing about the target.
    const fileBase = target.isWorkspaceFile && !override ? await readFileBase(uri) : undefined;
    const base =
      uri.scheme === POLICY_SCHEME ? (await this.drafts.get(uri))?.baseText : fileBase?.text;
    let rebased = false;
    if (base !== undefined && toCanonicalText(target.kind, liveObject) !== base) {
      draft = await this.onLiveChanged(
        uri,
        target,
        JSON.parse(base) as object,
        liveObject,
        draft,
        options,
      );
      rebased = draft !== parsed.value;
    }

    if (target.kind === 'syncSchema') {
      const broken = changedMatchingAttributes(liveObject, draft);
      if (broken.length)
        throw new Error(
          `Not pushed: ${broken.join('; ')}. Matching attributes pair users with their copies in the target; changing them makes the next cycle create duplicates. Keep them as they are.`,
        );
    }
    const plan = planPush(target.kind, liveObject, draft);
    // The default settings cannot inherit: a setting left out since live (a workspace file, or one
    // live gained since the draft began) is refused, never sent as null.
    if (plan.cannotInherit.length > 0) {
      const refused = this.checker
        .check(doc, liveObject)
        .filter((d) => d.code === 'default-cannot-inherit');
      if (refused.length) return this.refuse(uri, refused);
      // Only a rebase can drop a setting the text still holds.
      const [key] = plan.cannotInherit;
      throw new Error(`Not pushed: ${cannotInheritMessage(key, draft[key] === undefined)}`);
    }
    if (plan.empty) {
      if (uri.scheme === POLICY_SCHEME) await this.drafts.discard(uri);
      const notPushed = `Nothing to push: the document matches ${tenantLabel(target.tenant)}.`;
      void vscode.window.showInformationMessage(notPushed);
      return { pushed: false, changes: [], notPushed };
    }
    // Graph answers 400 to a property it does not know: such a push is refused before anything is sent.
    const [unknown] = unknownPropertiesSent(doc.getText(), diagnostics, Object.keys(plan.patch));
    if (unknown)
      throw new Error(
        `Not pushed: line ${unknown.range.start.line + 1}: ${unknown.message.split('. ')[0]}. Graph answers 400 to a property it does not know: remove it or fix its spelling.`,
      );
    const unguarded =
      fileBase !== undefined && fileBase.text === undefined
        ? vscode.l10n.t(
            'This file has no record of the version it was exported from ({0}): every difference from the tenant is pushed, including changes made there since. Export again to be warned of those.',
            fileBase.display,
          )
        : undefined;
    await this.confirm(target, plan, liveObject, draft, options, unguarded);
    await this.send(target, plan);
    this.log.info(
      `Pushed to ${tenantLabel(target.tenant)} (${target.tenant.tenantId}), ${target.kind}${'partnerTenantId' in target.identity ? ` ${target.identity.partnerTenantId}` : ''}: ${JSON.stringify(plan.patch)}`,
    );

    // Re-read: what the tenant holds now is what the user sees.
    const after = toCanonicalText(
      target.kind,
      await this.live.read(target.identity, target.tenant),
    );
    if (uri.scheme === POLICY_SCHEME) {
      await this.drafts.discard(uri);
      if (after !== doc.getText())
        this.log.warn(
          `${uri.toString()}: the tenant stored the change differently from the document; the document now shows the tenant's version.`,
        );
    }
    if (fileBase)
      await this.recordFilePush(doc, target, fileBase, after, rebased ? draft : undefined);
    this.data.invalidate(target.tenant, 'access');
    return { pushed: true, changes: plan.changes, sent: plan.patch };
  }

  /** A document with errors: nothing is sent; the first error is shown, with the way to Problems. */
  private refuse(uri: vscode.Uri, errors: readonly Diagnostic[]): PushResult {
    const text = `Not pushed: the document has ${plural(errors.length, 'error')} (first: line ${errors[0].range.start.line + 1}, ${errors[0].message})`;
    this.log.info(`${uri.toString()}: ${text}`);
    const show = 'Show Problems';
    void vscode.window
      .showErrorMessage(text, show)
      .then((c) => c === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { pushed: false, changes: [], notPushed: text };
  }

  /** Live changed since the draft began: show, rebase the user's own changes onto live, or overwrite after a second confirmation. */
  private async onLiveChanged(
    uri: vscode.Uri,
    target: DocumentTarget,
    base: object,
    liveObject: object,
    draft: Record<string, unknown>,
    options: PushOptions,
  ): Promise<Record<string, unknown>> {
    const result = threeWay(target.kind, base, liveObject, draft);
    if (!result.liveChanged) return draft;
    const rebase = 'Rebase onto Live';
    const overwrite = 'Overwrite Live…';
    const show = 'Show Versions';
    const who = tenantLabel(target.tenant);
    let choice =
      options.answers?.conflict === 'rebase'
        ? rebase
        : options.answers?.conflict === 'overwrite'
          ? overwrite
          : options.answers?.conflict === 'cancel'
            ? undefined
            : undefined;
    if (!options.answers?.conflict) {
      for (;;) {
        choice = await vscode.window.showWarningMessage(
          uri.scheme === POLICY_SCHEME
            ? `Someone changed this policy in ${who} since your draft began. Nothing was pushed.`
            : `Someone changed this policy in ${who} since this file was exported. Nothing was pushed.`,
          {
            modal: true,
            detail: `Changed in the tenant:\n${bulleted(result.theirs)}${result.conflicts.length ? `\n\nBoth you and the tenant changed:\n${bulleted(result.conflicts.map((c) => c.label))}` : ''}`,
          },
          rebase,
          show,
          overwrite,
        );
        if (choice !== show) break;
        await this.showVersions(uri);
      }
    }
    if (choice === rebase) {
      const choices: Record<string, 'live' | 'draft'> = {};
      for (const c of result.conflicts) {
        const pick =
          options.answers?.conflictChoice ??
          (
            await vscode.window.showQuickPick(
              [
                {
                  label: 'Keep mine',
                  description: JSON.stringify(c.draft),
                  value: 'draft' as const,
                },
                {
                  label: "Keep the tenant's",
                  description: JSON.stringify(c.live),
                  value: 'live' as const,
                },
              ],
              {
                title: `Both changed: ${c.label}`,
                placeHolder: `Was ${JSON.stringify(c.base)}. Which value should the push keep?`,
                ignoreFocusOut: true,
              },
            )
          )?.value;
        if (!pick) throw new PushCancelled();
        choices[c.path.join('/')] = pick;
      }
      const merged = result.conflicts.length ? resolveConflicts(result, choices) : result.merged;
      // The rebased draft starts from today's live: save it so a later push compares with that.
      if (uri.scheme === POLICY_SCHEME)
        await this.drafts.save(uri, {
          text: toCanonicalText(target.kind, merged),
          baseText: toCanonicalText(target.kind, liveObject),
          savedAt: Date.now(),
        });
      return merged;
    }
    if (choice === overwrite) {
      const yes = 'Overwrite';
      const sure =
        options.answers?.conflict === 'overwrite'
          ? yes
          : await vscode.window.showWarningMessage(
              `Overwrite the changes made in ${who}?`,
              {
                modal: true,
                detail: `These changes made in the tenant will be replaced by your draft:\n${bulleted(result.theirs)}`,
              },
              yes,
            );
      if (sure === yes) return draft;
    }
    throw new PushCancelled();
  }

  /** Three versions side by side: the one the draft began from against live, and against the draft. */
  private async showVersions(uri: vscode.Uri): Promise<void> {
    const baseUri = uri.with({ scheme: 'xtenant-base' });
    await vscode.commands.executeCommand(
      'vscode.diff',
      baseUri,
      liveCounterpart(uri),
      'Started from ↔ Tenant now',
      { viewColumn: vscode.ViewColumn.One },
    );
    await vscode.commands.executeCommand('vscode.diff', baseUri, uri, 'Started from ↔ My draft', {
      viewColumn: vscode.ViewColumn.Two,
    });
  }

  private async confirm(
    target: DocumentTarget,
    plan: PushPlan,
    liveObject: object,
    draft: Record<string, unknown>,
    options: PushOptions,
    note?: string,
  ): Promise<void> {
    const who = tenantLabel(target.tenant);
    let impact = note ? `\n\n${note}` : '';
    if (target.kind === 'default') {
      const partners = await listPartners(this.connections.client(target.tenant), {
        expandIdentitySync: false,
      });
      const radius = defaultBlastRadius(liveObject, draft, partners);
      impact = `\n\nEvery external organization without its own setting gets these changes${radius.length ? ', including partners that inherit them:' : '.'}\n${radius.map((r) => `• ${r.label}: ${r.inheritingPartnerIds.length} partner${r.inheritingPartnerIds.length === 1 ? '' : 's'} inherit${r.inheritingPartnerIds.length === 1 ? 's' : ''} it`).join('\n')}`;
    }
    const what =
      'partnerTenantId' in target.identity
        ? `the ${target.kind === 'partner' ? 'partner settings' : 'identity synchronization'} for ${target.identity.label}`
        : target.kind === 'syncSchema'
          ? 'the attribute mappings (the whole schema is replaced and the job restarts)'
          : target.kind === 'default'
            ? 'the default settings'
            : 'the base policy';
    const push = 'Push';
    const answer =
      options.answers?.confirm === undefined
        ? await vscode.window.showWarningMessage(
            `Push to ${who}: ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to ${what}?`,
            { modal: true, detail: `${bulleted(plan.changes)}${impact}` },
            push,
          )
        : options.answers.confirm
          ? push
          : undefined;
    if (answer !== push) throw new PushCancelled();
  }

  private async send(target: DocumentTarget, plan: PushPlan): Promise<void> {
    const client = this.connections.client(target.tenant);
    const id = target.identity;
    switch (id.kind) {
      case 'policy':
        return updatePolicy(client, plan.patch);
      case 'default':
        return updateDefaultConfiguration(client, plan.patch);
      case 'partner':
        return updatePartner(client, id.partnerTenantId, plan.patch);
      case 'identitySync':
        await setIdentitySync(client, id.partnerTenantId, plan.patch);
        return;
      case 'syncSchema':
        // Graph replaces the whole schema; changing mappings restarts the job.
        return putSyncSchema(client, id.servicePrincipalId, id.jobId, plan.patch);
    }
  }

  /**
   * After a push of an exported file, its base becomes what the tenant holds now. A rebased push
   * also puts the tenant's changes into the file (saved, so undo brings the edit back), or the file
   * would read against its new base as an edit undoing them. A failed write leaves the old base, so
   * the next push rebases again: nothing is undone either way.
   */
  private async recordFilePush(
    doc: vscode.TextDocument,
    target: DocumentTarget,
    fileBase: FileBase,
    after: string,
    rebased: Record<string, unknown> | undefined,
  ): Promise<void> {
    try {
      if (rebased) {
        const edit = new vscode.WorkspaceEdit();
        const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
        edit.replace(doc.uri, whole, toCanonicalText(target.kind, rebased));
        if (!(await vscode.workspace.applyEdit(edit)) || !(await doc.save()))
          throw new Error(vscode.l10n.t('the file could not be updated'));
      }
      await writeFileUnder(fileBase.paths.root, fileBase.paths.base, after);
    } catch (err) {
      this.log.warn(
        `${vscode.workspace.asRelativePath(doc.uri)}: pushed, but its export record could not be updated (${err instanceof Error ? err.message : String(err)}); the next push compares with the previous one.`,
      );
    }
  }

  /** The editable document of a workspace file's object, for "open live" style actions. */
  async editableUri(uri: vscode.Uri): Promise<vscode.Uri> {
    const target = await resolveDocumentTarget(uri, this.store);
    return target.isWorkspaceFile ? policyUri(target.tenant, target.identity) : uri;
  }
}

/** A dialog's list: bounded, so a huge change cannot push the buttons off the screen. */
function bulleted(lines: readonly string[]): string {
  return boundedLines(lines)
    .map((line) => `• ${line}`)
    .join('\n');
}

/** Where an exported file's base lives, and its text (undefined: there is none, or it is unreadable). */
interface FileBase {
  readonly paths: ExportPaths;
  readonly display: string;
  readonly text: string | undefined;
}

/** Undefined for a file outside the export layout or not on disk. */
async function readFileBase(uri: vscode.Uri): Promise<FileBase | undefined> {
  const paths = uri.scheme === 'file' ? exportPaths(uri.fsPath) : undefined;
  if (!paths) return undefined;
  const file = path.join(paths.root, paths.base);
  const display = vscode.workspace.asRelativePath(vscode.Uri.file(file));
  try {
    const text = await fs.promises.readFile(file, 'utf8');
    // A base that is not an object cannot say what the tenant held: as good as none.
    return { paths, display, text: parseBase(text) ? text : undefined };
  } catch {
    return { paths, display, text: undefined };
  }
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
