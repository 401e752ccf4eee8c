import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileUnder } from '../core/files/writeFilesUnder';
import { exportPaths, parseBase, type ExportPaths } from '../core/policy/exportBase';
import { setIdentitySync } from '../core/graph/operations/identitySync';
import { listPartners, updatePartner } from '../core/graph/operations/partners';
import {
  getDefaultConfiguration,
  updateDefaultConfiguration,
  updatePolicy,
} from '../core/graph/operations/policy';
import { putSyncSchema } from '../core/graph/operations/syncJobs';
import { toCanonicalText } from '../core/policy/canonical';
import type { PushPlan } from '../core/policy/pushPlan';
import { runPush, type PushHost, type PushResult } from '../core/push/pushFlow';
import type { UserInput } from '../core/ports/userInput';
import type { PushWords } from '../core/push/pushWords';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { Log } from '../host/log';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { type TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantData } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import type { DraftStore } from '../services/drafts/draftStore';
import { resolveDocumentTarget, type DocumentTarget } from '../services/documentTarget';
import type { LiveDocumentProvider } from './liveDocumentProvider';
import type { PolicyChecker } from './policyChecker';
import { pushWords } from './pushWords';
import { liveCounterpart, POLICY_SCHEME } from '../services/documentUris';
import { previewImpact } from '../core/impact/previewImpact';
import { impactDays } from '../services/impact/impactDays';
import { tenantNames } from '../services/impact/tenantNames';
import { withCancellableProgress } from '../host/cancellation';
import { affectedMarkdown } from './impactMarkdown';
import type { ImpactReports } from './impactReports';

export type { PushResult } from '../core/push/pushFlow';

/**
 * The host side of a push (the flow itself is core/push/pushFlow): saves the document first (so a
 * failure can never lose the edit), resolves its tenant, refuses workspace files in Restricted
 * Mode, and gives the flow the tenant's Graph operations, the drafts and the editors. Any failure
 * leaves the draft exactly as it was; questions go through the UserInput it was given.
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
    private readonly ui: UserInput,
    private readonly reports: ImpactReports,
  ) {}

  /**
   * Pushes the document at `uri` to its tenant, or a workspace file to `otherTenant` instead of
   * the one its folder names (cloning a configuration).
   */
  async push(uri: vscode.Uri, otherTenant?: TenantRecord): Promise<PushResult> {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.isDirty && !(await doc.save()))
      throw new Error(vscode.l10n.t('The document could not be saved, so nothing was pushed.'));
    const target = await resolveDocumentTarget(uri, this.store, otherTenant);
    if (target.isWorkspaceFile && !vscode.workspace.isTrusted) {
      throw new Error(
        vscode.l10n.t(
          'Pushing from workspace files is disabled in Restricted Mode: trust this workspace first (Workspaces: Manage Workspace Trust).',
        ),
      );
    }
    const isDraft = uri.scheme === POLICY_SCHEME;
    // A draft remembers what it started from; an exported file has its base in .xta-base/. Pushed to
    // another tenant, a file's base (of the tenant it came from) says nothing about the target.
    const fileBase = target.isWorkspaceFile && !otherTenant ? await readFileBase(uri) : undefined;
    const base = isDraft ? (await this.drafts.get(uri))?.baseText : fileBase?.text;
    // A change of access settings names the tenants it reaches (the impact preview).
    const kind = target.identity.kind;
    const names =
      kind === 'default' || kind === 'partner'
        ? await tenantNames(target.tenant, this.store, this.data, this.log)
        : undefined;
    const words = pushWords(target, names);
    const result = await runPush(
      {
        identity: target.identity,
        source: isDraft ? 'draft' : 'file',
        text: doc.getText(),
        diagnostics: this.checker.check(doc),
        base,
        note:
          fileBase !== undefined && fileBase.text === undefined
            ? vscode.l10n.t(
                'This file has no record of the version it was exported from ({0}): every difference from the tenant is pushed, including changes made there since. Export again to be warned of those.',
                fileBase.display,
              )
            : undefined,
      },
      this.host(doc, target, fileBase, words.impact),
      this.ui,
      words,
    );
    if (result.showProblems && result.notPushed) this.refused(uri, result.notPushed);
    return result;
  }

  private host(
    doc: vscode.TextDocument,
    target: DocumentTarget,
    fileBase: FileBase | undefined,
    impactWords: PushWords['impact'],
  ): PushHost {
    const uri = doc.uri;
    const isDraft = uri.scheme === POLICY_SCHEME;
    return {
      readLive: async () =>
        (await this.live.read(target.identity, target.tenant)) as Record<string, unknown>,
      partners: () =>
        listPartners(this.connections.client(target.tenant), { expandIdentitySync: false }),
      defaults: () => getDefaultConfiguration(this.connections.client(target.tenant)),
      previewImpact: (before, after) => {
        const who = tenantLabel(target.tenant);
        const tenant = this.data.tenant(target.tenant);
        return Promise.resolve(
          withCancellableProgress(
            {
              location: vscode.ProgressLocation.Notification,
              title: vscode.l10n.t('Reading the sign-ins of {0}', who),
            },
            async (progress, signal) => {
              const result = await previewImpact({
                client: tenant.client,
                limiter: tenant.reportsLimiter,
                before,
                after,
                days: impactDays(),
                now: new Date(),
                signal,
                onProgress: ({ requests, signIns }) =>
                  progress.report({
                    message: vscode.l10n.t('{0} sign-ins ({1} requests)', signIns, requests),
                  }),
              });
              this.log.info(
                `Impact preview for ${who} (${target.tenant.tenantId}): ${result.kind}${result.kind === 'evaluated' ? `, ${result.evaluation.rows.length} user/app rows from ${result.evaluation.signIns} sign-ins in ${result.requests} requests` : ''}`,
              );
              return result;
            },
          ),
        );
      },
      showImpact: async (result) => {
        const who = tenantLabel(target.tenant);
        const title = vscode.l10n.t('Who the push to {0} would affect', who);
        await this.reports.show(
          who,
          title,
          affectedMarkdown(title, impactWords.line(result), impactWords.rows(result.evaluation)),
        );
      },
      send: async (plan) => {
        await this.send(target, plan);
        this.log.info(
          `Pushed to ${tenantLabel(target.tenant)} (${target.tenant.tenantId}), ${target.kind}${'partnerTenantId' in target.identity ? ` ${target.identity.partnerTenantId}` : ''}: ${JSON.stringify(plan.patch)}`,
        );
      },
      checkAgainstLive: (live) => this.checker.check(doc, live),
      showVersions: () => showVersions(uri),
      saveRebased: (text, baseText) =>
        this.drafts.save(uri, { text, baseText, savedAt: Date.now() }),
      nothingToPush: async () => {
        if (isDraft) await this.drafts.discard(uri);
      },
      pushed: async (after, rebased) => {
        if (isDraft) {
          await this.drafts.discard(uri);
          if (after !== doc.getText())
            this.log.warn(
              `${uri.toString()}: the tenant stored the change differently from the document; the document now shows the tenant's version.`,
            );
        }
        if (fileBase) await this.recordFilePush(doc, target, fileBase, after, rebased);
      },
    };
  }

  /** A document with problems: nothing was sent; the first is shown, with the way to Problems. */
  private refused(uri: vscode.Uri, text: string): void {
    this.log.info(`${uri.toString()}: ${text}`);
    // Through the port like every other message, so a test sees the refusal the user sees.
    const show = vscode.l10n.t('Show Problems');
    void this.ui
      .warn(text, show)
      .then((c) => c === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }

  /** The push's one write, through the tenant's service, which tells the views what changed. */
  private send(target: DocumentTarget, plan: PushPlan): Promise<void> {
    const id = target.identity;
    const tenant = this.data.tenant(target.tenant);
    switch (id.kind) {
      case 'policy':
        return tenant.write({ kind: 'policy' }, (client) => updatePolicy(client, plan.patch));
      case 'default':
        return tenant.write({ kind: 'defaults' }, (client) =>
          updateDefaultConfiguration(client, plan.patch),
        );
      case 'partner':
        return tenant.write(
          { kind: 'partner', partnerTenantId: id.partnerTenantId, change: 'updated' },
          (client) => updatePartner(client, id.partnerTenantId, plan.patch),
        );
      case 'identitySync':
        return tenant.write(
          { kind: 'identitySync', partnerTenantId: id.partnerTenantId, change: 'updated' },
          async (client) => {
            await setIdentitySync(client, id.partnerTenantId, plan.patch);
          },
        );
      case 'syncSchema':
        // Graph replaces the whole schema; changing mappings restarts the job.
        return tenant.write(
          { kind: 'job', servicePrincipalId: id.servicePrincipalId, jobId: id.jobId },
          (client) => putSyncSchema(client, id.servicePrincipalId, id.jobId, plan.patch),
        );
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
}

/** Three versions side by side: the one the draft began from against live, and against the draft. */
async function showVersions(uri: vscode.Uri): Promise<void> {
  const baseUri = uri.with({ scheme: 'xtenant-base' });
  await vscode.commands.executeCommand(
    'vscode.diff',
    baseUri,
    liveCounterpart(uri),
    vscode.l10n.t('Started from ↔ Tenant now'),
    { viewColumn: vscode.ViewColumn.One },
  );
  await vscode.commands.executeCommand(
    'vscode.diff',
    baseUri,
    uri,
    vscode.l10n.t('Started from ↔ My draft'),
    { viewColumn: vscode.ViewColumn.Two },
  );
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
