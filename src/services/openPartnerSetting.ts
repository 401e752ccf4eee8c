import * as vscode from 'vscode';
import { partnerDocument } from '../core/policy/partnerDocument';
import { applyPatchToText, settingRange } from '../core/policy/settingLocation';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TenantData } from './tenants/tenantData';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { policyUri } from './documentUris';

/** Settings under this prefix live in the partner's identity-synchronization document. */
const IDENTITY_SYNC = 'identitySynchronization.';

/** A setting in a policy document: the document and the setting's path inside it. */
export interface SettingLocation {
  readonly uri: vscode.Uri;
  readonly path: string;
}

/**
 * Where a partner setting lives: `automaticUserConsentSettings.inboundAllowed` in the partner
 * entry, `identitySynchronization.userSyncInbound.isSyncAllowed` in its identity synchronization.
 * The document path is the one the tree uses, so both open the same editor and draft.
 */
export async function partnerSetting(
  data: TenantData,
  record: TenantRecord,
  partnerTenantId: string,
  setting: string,
): Promise<SettingLocation> {
  const { overview } = await data.access(record);
  const summary = overview.partners.find(
    (p) => p.tenantId.toLowerCase() === partnerTenantId.toLowerCase(),
  );
  if (!summary)
    throw new Error(
      vscode.l10n.t(
        '{0} has no partner entry for {1}: add it with "Add Partner…" first.',
        tenantLabel(record),
        partnerTenantId,
      ),
    );
  const inIdentitySync = setting.startsWith(IDENTITY_SYNC);
  if (inIdentitySync && !summary.identitySync)
    throw new Error(
      vscode.l10n.t(
        '{0} has no identity synchronization policy for {1}: use "Allow User Sync…" on the partner.',
        tenantLabel(record),
        summary.displayName ?? partnerTenantId,
      ),
    );
  return {
    uri: policyUri(
      record,
      partnerDocument(
        inIdentitySync ? 'identitySync' : 'partner',
        record.tenantId,
        summary.tenantId,
        summary,
      ),
    ),
    path: inIdentitySync ? setting.slice(IDENTITY_SYNC.length) : setting,
  };
}

function select(editor: vscode.TextEditor, path: string): void {
  const range = settingRange(editor.document.getText(), path);
  if (!range) return;
  const selection = new vscode.Selection(
    editor.document.positionAt(range.offset),
    editor.document.positionAt(range.offset + range.length),
  );
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens a policy document (the draft if there is one) with the setting selected. */
export async function openSetting(location: SettingLocation): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(location.uri, { preview: false });
  select(editor, location.path);
  return editor;
}

/** Opens a partner setting (from the log panel's details, a pair finding). */
export async function openPartnerSetting(
  data: TenantData,
  record: TenantRecord,
  partnerTenantId: string,
  setting: string,
): Promise<vscode.TextEditor> {
  return openSetting(await partnerSetting(data, record, partnerTenantId, setting));
}

/**
 * A quick fix's change: the document opened with `patch` (a patch of that document) merged in and
 * saved as a draft — what the user reviews, diffs and pushes; nothing is pushed. With push-on-save
 * on, the change is left unsaved instead, so a quick fix never starts a push by itself.
 */
export async function draftChange(
  location: SettingLocation,
  patch: Record<string, unknown>,
): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(location.uri, { preview: false });
  const document = editor.document;
  const text = applyPatchToText(document.getText(), patch);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
    text,
  );
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(vscode.l10n.t('The change could not be applied to the document.'));
  if (
    vscode.workspace.getConfiguration('crossTenant').get<string>('pushOnSave', 'never') === 'never'
  )
    await document.save();
  select(editor, location.path);
  return editor;
}
