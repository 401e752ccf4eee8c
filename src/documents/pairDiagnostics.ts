import * as vscode from 'vscode';
import type { PairFinding } from '../core/pairs/pairFinding';
import { mirroredSettings } from '../core/pairs/mirroredSetting';
import { applyPatchToText, hasSetting, settingRange } from '../core/policy/settingLocation';
import type { PairService } from '../services/pairs/pairService';
import type { TenantData } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import { partnerSetting, type SettingLocation } from '../services/openPartnerSetting';
import { POLICY_SCHEME } from '../services/documentUris';
import { Disposable } from '../host/disposable';

export const PAIR_SOURCE = 'Cross-Tenant pair check';

function isPartnerDocument(uri: vscode.Uri): boolean {
  return uri.scheme === POLICY_SCHEME && /\.xta-(partner|identitysync)\.json$/.test(uri.path);
}

interface Placed {
  readonly finding: PairFinding;
  /**
   * The setting's path inside the document the diagnostic is on; on the other side, the settings
   * that face it, the first the document has taken (see mirroredSettings).
   */
  readonly paths: readonly string[];
  /** On the other tenant's partner document: the pair fails because of a setting over there. */
  readonly mirrored: boolean;
}

/**
 * Pair findings as diagnostics on the partner documents of both tenants: the editor and the
 * Problems panel say, on the exact setting, what the other tenant needs. The quick fix merges the
 * finding's change into the document (a draft once saved), never pushes.
 */
export class PairDiagnostics extends Disposable implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = this._register(
    vscode.languages.createDiagnosticCollection('cross-tenant-pairs'),
  );
  private placed = new Map<string, Placed[]>();

  constructor(
    private readonly pairs: PairService,
    private readonly tenants: TenantList,
    private readonly data: TenantData,
  ) {
    super();
    this._register(pairs.onDidChange(() => void this.update()));
    // Stale findings go; they come back checked again while a partner document is open.
    this._register(
      pairs.onDidGoStale(() => {
        this.collection.clear();
        this.placed = new Map();
        if (vscode.workspace.textDocuments.some((d) => isPartnerDocument(d.uri)))
          void this.pairs.pairs();
      }),
    );
    // Ranges follow the text: an open (or edited) document gets its diagnostics on the setting itself.
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.onDocument(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onDocument(e.document)));
  }

  private onDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== POLICY_SCHEME) return;
    // Opening a partner document is when its pair findings matter: check the pairs if nobody has yet.
    if (!this.pairs.checked && isPartnerDocument(doc.uri)) void this.pairs.pairs();
    const placed = this.placed.get(doc.uri.toString());
    if (placed)
      this.collection.set(
        doc.uri,
        placed.map((p) => this.diagnostic(p, doc)),
      );
  }

  private async update(): Promise<void> {
    const next = new Map<string, Placed[]>();
    const place = (uri: vscode.Uri | undefined, p: Placed): void => {
      if (!uri) return;
      const list = next.get(uri.toString()) ?? [];
      list.push(p);
      next.set(uri.toString(), list);
    };
    for (const pair of this.pairs.current ?? []) {
      for (const finding of pair.findings) {
        if (!finding.setting || finding.severity === 'info') continue;
        if (
          !finding.fix ||
          finding.fix.document === 'partner' ||
          finding.fix.document === 'identitySync'
        ) {
          const own = await this.location(
            finding.tenantId,
            finding.partnerTenantId,
            finding.setting,
          );
          if (own) place(own.uri, { finding, paths: [own.path], mirrored: false });
        }
        // The other side of the pair hears about it too, on its own partner entry for this tenant.
        // The partner entry's own URI (its `tenantId` is always there), not its identity sync's.
        place((await this.location(finding.partnerTenantId, finding.tenantId, 'tenantId'))?.uri, {
          finding,
          paths: mirroredSettings(finding.setting),
          mirrored: true,
        });
      }
    }
    // The locations were awaited: the window may have closed meanwhile.
    if (this.isDisposed) return;
    this.placed = next;
    this.collection.clear();
    for (const [key, list] of next) {
      const uri = vscode.Uri.parse(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      this.collection.set(
        uri,
        list.map((p) => this.diagnostic(p, doc)),
      );
    }
  }

  /** Where `setting` of `tenantId`'s entry for `partnerTenantId` is; undefined for a tenant not in the view or a document that does not exist. */
  private async location(
    tenantId: string,
    partnerTenantId: string,
    setting: string,
  ): Promise<SettingLocation | undefined> {
    const record = this.tenants.byTenantId(tenantId);
    return record
      ? partnerSetting(this.data, record, partnerTenantId, setting).catch(() => undefined)
      : undefined;
  }

  private diagnostic(p: Placed, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
    const text = doc?.getText();
    const path =
      p.paths.find((x) => text !== undefined && hasSetting(text, x)) ?? p.paths[p.paths.length - 1];
    const found = text !== undefined && settingRange(text, path);
    const range =
      found && doc
        ? new vscode.Range(
            doc.positionAt(found.offset),
            doc.positionAt(found.offset + Math.max(found.length, 1)),
          )
        : new vscode.Range(0, 0, 0, 1);
    const severity = p.mirrored
      ? p.finding.severity === 'error'
        ? vscode.DiagnosticSeverity.Warning
        : vscode.DiagnosticSeverity.Information
      : p.finding.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : vscode.DiagnosticSeverity.Warning;
    const message = p.mirrored
      ? vscode.l10n.t(
          'Other side of the pair: {0} (to change in {1})',
          p.finding.message,
          this.tenants.labelOf(p.finding.tenantId),
        )
      : p.finding.message;
    const d = new vscode.Diagnostic(range, message, severity);
    d.source = PAIR_SOURCE;
    d.code = p.finding.id;
    return d;
  }

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const placed = this.placed.get(doc.uri.toString()) ?? [];
    // One action per change: two findings asking for the same one (VS Code offers the actions of
    // every diagnostic under the cursor) share it rather than list it twice.
    const byTitle = new Map<string, vscode.CodeAction>();
    for (const d of context.diagnostics.filter((x) => x.source === PAIR_SOURCE)) {
      const p = placed.find(
        (x) =>
          x.finding.id === d.code &&
          (x.finding.message === d.message || d.message.includes(x.finding.message)),
      );
      const action = p && this.fixOf(p, doc);
      if (!action) continue;
      const same = byTitle.get(action.title);
      if (same) same.diagnostics = [...(same.diagnostics ?? []), d];
      else byTitle.set(action.title, Object.assign(action, { diagnostics: [d] }));
    }
    return [...byTitle.values()];
  }

  /** The quick fix of a placed finding, named by the tenant and setting it changes. */
  private fixOf(p: Placed, doc: vscode.TextDocument): vscode.CodeAction | undefined {
    const fix = p.finding.fix;
    if (!fix) return undefined;
    if (p.mirrored) {
      // The change is in the other tenant: open a draft there.
      const action = new vscode.CodeAction(
        vscode.l10n.t(
          'Fix in {0}: set {1} in a draft',
          this.tenants.labelOf(p.finding.tenantId),
          p.finding.setting ?? '',
        ),
        vscode.CodeActionKind.QuickFix,
      );
      action.command = {
        command: 'crossTenant.fixPairFinding',
        title: vscode.l10n.t('Fix in a Draft'),
        arguments: [{ finding: p.finding }],
      };
      return action;
    }
    let text: string;
    try {
      text = applyPatchToText(doc.getText(), { ...fix.patch });
    } catch {
      return undefined;
    }
    const action = new vscode.CodeAction(
      vscode.l10n.t('Fix for the pair: set {0}', p.paths[0]),
      vscode.CodeActionKind.QuickFix,
    );
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
      text,
    );
    action.isPreferred = true;
    return action;
  }
}
