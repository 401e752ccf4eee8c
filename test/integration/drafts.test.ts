import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DraftFolder } from '../../src/core/drafts/draftFolder';
import { draftFileName } from '../../src/core/drafts/storedDraft';
import {
  answering,
  extensionApi,
  freshSandbox,
  labelOf,
  nodeAt,
  openFromTree,
  readLog,
  waitFor,
} from './api';

const PARTNERS = /^Partners \(\d+\)$/;
const FABRIKAM = ['Contoso Group', 'Cross-tenant access', PARTNERS, 'Fabrikam Retail'] as const;

/** Another VS Code window on this machine: the same drafts folder, through the same code. */
async function otherWindow(): Promise<DraftFolder> {
  return new DraftFolder((await extensionApi()).storagePath, () => undefined);
}

async function fabrikamItem(): Promise<vscode.TreeItem> {
  const api = await extensionApi();
  return api.tree.getTreeItem(await nodeAt(api, ...FABRIKAM));
}

async function openFabrikam(): Promise<vscode.TextEditor> {
  const item = await fabrikamItem();
  assert.equal(labelOf(item), 'Fabrikam Retail');
  return openFromTree(item);
}

/** The document with one setting flipped, as a user would save it. */
function flipped(text: string, value: boolean): string {
  const doc = JSON.parse(text) as { inboundTrust: Record<string, unknown> | null };
  doc.inboundTrust = { ...(doc.inboundTrust ?? {}), isMfaAccepted: value };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function replaceAll(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  await editor.edit((b) =>
    b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text),
  );
}

const marked = async (): Promise<boolean> =>
  /^● draft/.test(String((await fabrikamItem()).description));

describe('drafts: two windows, crashes and corrupt files (issue 14, defects 4 and 5)', () => {
  before(async () => {
    await freshSandbox();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Whatever a test left, through the other window, which asks nobody.
    const other = await otherWindow();
    for (const [uri, state] of await other.scan()) await other.remove(uri, state.version);
    await waitFor('no draft marked', async () => !(await marked()) || undefined);
  });

  it('another window saves a draft: the tree marks it and the open editor shows it; it discards it: both show live again', async () => {
    const editor = await openFabrikam();
    const key = editor.document.uri.toString();
    const live = editor.document.getText();
    const theirs = flipped(live, false);
    assert.notEqual(theirs, live);

    const other = await otherWindow();
    await other.write(
      key,
      { text: theirs, baseText: live, savedAt: Date.now() },
      (await other.read(key)).version,
    );
    await waitFor('the tree marks the draft', async () => (await marked()) || undefined);
    await waitFor('the editor shows the other window’s draft', () =>
      editor.document.getText() === theirs ? true : undefined,
    );
    assert.equal(editor.document.isDirty, false);

    await other.remove(key, (await other.read(key)).version);
    await waitFor('the tree no longer marks it', async () => !(await marked()) || undefined);
    await waitFor('the editor shows live again', () =>
      editor.document.getText() === live ? true : undefined,
    );
  });

  it('a save over a draft another window saved meanwhile is refused: theirs stays on disk, mine stays in the editor', async () => {
    const editor = await openFabrikam();
    const key = editor.document.uri.toString();
    const live = editor.document.getText();
    const mine = flipped(live, false);
    await replaceAll(editor, mine);
    assert.equal(editor.document.isDirty, true);

    const theirs = `${flipped(live, true).trimEnd()}\n\n`;
    const other = await otherWindow();
    await other.write(
      key,
      { text: theirs, baseText: live, savedAt: Date.now() },
      (await other.read(key)).version,
    );
    await waitFor('this window sees the other draft', async () => (await marked()) || undefined);

    // Asked, and declined: nothing is overwritten.
    const question =
      /^The draft of partner Fabrikam Retail in Contoso Group was changed in another window since you opened it\.\nOverwrite it with yours, or keep the other window's/;
    const declined = await answering([{ expect: question, answer: { cancel: true } }], () =>
      editor.document.save(),
    );
    assert.equal(declined.result, false);
    assert.deepEqual(declined.ui.shown[0].choices, ['Overwrite']);
    assert.equal((await other.read(key)).draft?.text, theirs, "the other window's draft is kept");
    assert.equal(editor.document.getText(), mine, 'my edit is still in the editor');
    assert.equal(editor.document.isDirty, true);

    // Asked again on the next save, and told to overwrite: mine replaces theirs.
    const overwritten = await answering(
      [{ expect: question, answer: { confirm: 'Overwrite' } }],
      () => editor.document.save(),
    );
    assert.equal(overwritten.result, true);
    assert.equal((await other.read(key)).draft?.text, mine, 'my draft replaced theirs');
    assert.equal(editor.document.isDirty, false);
  });

  it('a draft file that does not read is set aside as .corrupt with its bytes, never dropped, and the user is told by name', async () => {
    const api = await extensionApi();
    const editor = await openFabrikam();
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What a crash of a writer that was not atomic leaves: half a draft.
    const file = path.join(api.storagePath, 'drafts', draftFileName(uri.toString()));
    const half = `{"uri":${JSON.stringify(uri.toString())},"text":"{\\n  \\"inboundTr`;
    fs.writeFileSync(file, half);
    const label = path.basename(uri.path, '.xta-partner.json').replace('Contoso Group › ', '');
    const warning = `The draft of partner ${label} in Contoso Group could not be read (not JSON`;
    await waitFor('the warning in the log', async () =>
      (await readLog(api.logUri)).includes(warning) ? true : undefined,
    );
    assert.equal(fs.readFileSync(`${file}.corrupt`, 'utf8'), half);
    assert.equal(fs.existsSync(file), false);
    assert.equal((await readLog(api.logUri)).split(warning).length - 1, 1, 'told once');
    assert.equal(await marked(), false);
    // The document opens as the tenant holds it.
    const reopened = await vscode.workspace.openTextDocument(uri);
    assert.doesNotThrow(() => JSON.parse(reopened.getText()));
    fs.rmSync(`${file}.corrupt`);
  });
});
