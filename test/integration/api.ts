import * as vscode from 'vscode';
import type { CrossTenantApi } from '../../src/extension';
import { ScriptedUserInput, type Step } from '../support/scriptedUserInput';

export const EXTENSION_ID = 'cross-tenant-explorer.cross-tenant-explorer';

/** The activated extension's test API. */
export async function extensionApi(): Promise<CrossTenantApi> {
  const ext = vscode.extensions.getExtension<CrossTenantApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Polls until `probe` returns a truthy value (VS Code and the tree update asynchronously). */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tree items a user sees at the top level of the Tenants view. */
export async function tenantItems(api: CrossTenantApi): Promise<vscode.TreeItem[]> {
  const nodes = await api.tree.getChildren();
  return nodes.map((n) => api.tree.getTreeItem(n));
}

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The log channel's file: what the user sees in Output › Cross-Tenant. */
export async function readLog(logUri: vscode.Uri): Promise<string> {
  for (let i = 0; i < 50; i++) {
    try {
      const files = await vscode.workspace.fs.readDirectory(logUri);
      const log = files.find(([name]) => name.startsWith('Cross-Tenant'));
      if (log) {
        const text = Buffer.from(
          await vscode.workspace.fs.readFile(vscode.Uri.joinPath(logUri, log[0])),
        ).toString('utf8');
        if (text.length) return text;
      }
    } catch {
      // the folder appears with the first log write
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return '';
}

/** Where the log ends now: `logAfter(mark, …)` then reads only what a command wrote after it. */
export async function logMark(): Promise<number> {
  return (await readLog((await extensionApi()).logUri)).length;
}

/**
 * Waits for a line matching `pattern` among what the log says after `mark`, and returns it. This is
 * how a test tells a refusal from a crash: the command wrapper logs "<command> failed: <detail>"
 * (the error's kind and message; the user's notification has its first line), so a refusal is
 * matched by its own words and a crash (a TypeError, say) is not. A timeout names what was logged.
 */
export async function logAfter(mark: number, pattern: RegExp): Promise<string> {
  const api = await extensionApi();
  let text = '';
  try {
    return await waitFor(`"${pattern.source}" in the log`, async () => {
      text = (await readLog(api.logUri)).slice(mark);
      return text.split('\n').find((line) => pattern.test(line));
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; the log said:\n${text}`);
  }
}

type Api = CrossTenantApi;
type Node = Awaited<ReturnType<Api['tree']['getChildren']>>[number];

/** The child of `parent` (or a top-level node) whose label matches, as the user sees it. */
export async function child(
  api: Api,
  parent: Node | undefined,
  label: string | RegExp,
): Promise<Node> {
  const nodes = await api.tree.getChildren(parent);
  const found = nodes.find((n) => {
    const l = labelOf(api.tree.getTreeItem(n));
    return typeof label === 'string' ? l === label : label.test(l);
  });
  if (!found)
    throw new Error(
      `no "${String(label)}" under ${parent ? labelOf(api.tree.getTreeItem(parent)) : 'the root'}: ${nodes.map((n) => labelOf(api.tree.getTreeItem(n))).join(', ')}`,
    );
  return found;
}

/** Follows a path of labels from the root. */
export async function nodeAt(api: Api, ...path: (string | RegExp)[]): Promise<Node> {
  let node: Node | undefined;
  for (const label of path) node = await child(api, node, label);
  return node!;
}

/** Every item of a tree, walked from the root down (depth-bounded: the trees here are shallow). */
export async function walk<N>(
  tree: { getChildren(n?: N): vscode.ProviderResult<N[]>; getTreeItem(n: N): vscode.TreeItem },
  node?: N,
  depth = 0,
): Promise<vscode.TreeItem[]> {
  const children = (await tree.getChildren(node)) ?? [];
  const items: vscode.TreeItem[] = [];
  for (const child of children) {
    const item = tree.getTreeItem(child);
    items.push(item);
    // Only what a user can open: a collapsed row that is not expanded is walked too.
    if (depth < 6 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None)
      items.push(...(await walk(tree, child, depth + 1)));
  }
  return items;
}

export async function childItems(api: Api, node: Node): Promise<vscode.TreeItem[]> {
  return (await api.tree.getChildren(node)).map((n) => api.tree.getTreeItem(n));
}

/** The seeded sandbox tenants, freshly reset, all signed in (and the tree's cached data dropped). */
export async function freshSandbox(): Promise<void> {
  const api = await extensionApi();
  await runAnswering(
    [{ expect: 'Reset the sandbox tenants?', answer: { confirm: 'Reset Sandbox' } }],
    'crossTenant.resetSandbox',
  );
  await vscode.commands.executeCommand('crossTenant.trySandbox');
  await waitFor(
    'sandbox tenants signed in',
    async () =>
      (await tenantItems(api)).filter((i) => String(i.contextValue).startsWith('tenant.signedIn'))
        .length >= 4 || undefined,
  );
  await vscode.commands.executeCommand('crossTenant.refresh');
}

/**
 * Requests since `mark` that change something in a tenant. `$batch` is left out: the extension uses
 * it only for reads (tenant names), which background checks such as the pair checks make at any time.
 */
export async function changesSince(
  mark: number,
): Promise<{ method: string; path: string; status: number; tokenTenantId?: string }[]> {
  return (await extensionApi())
    .sandboxRequests()
    .slice(mark)
    .filter((r) => r.method !== 'GET' && !r.path.includes('$batch'));
}

/** Clicks a policy row of the tree and returns its editor, read again from the provider (an earlier test may have left it in memory). */
export async function openFromTree(item: vscode.TreeItem): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
  const editor = await waitFor('the policy editor', () =>
    vscode.window.activeTextEditor?.document.uri.scheme === 'xtenant'
      ? vscode.window.activeTextEditor
      : undefined,
  );
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return editor;
}

/**
 * Runs `action` with every prompt answered from `steps`, as the user would (no command argument
 * can skip a prompt). Fails when a step was never shown; returns what `action` returned and what
 * the user was shown, so a test can check the words of a refusal.
 */
export async function answering<T>(
  steps: readonly Step[],
  action: () => Thenable<T> | Promise<T>,
): Promise<{ result: T; ui: ScriptedUserInput }> {
  const ui = new ScriptedUserInput(steps);
  const slot = (await extensionApi()).userInput.use(ui);
  try {
    const result = await action();
    ui.assertDone();
    return { result, ui };
  } finally {
    slot.dispose();
  }
}

/** Runs a command with its prompts answered from `steps` (see `answering`). */
export function runAnswering<T = unknown>(
  steps: readonly Step[],
  command: string,
  ...args: unknown[]
): Promise<{ result: T; ui: ScriptedUserInput }> {
  return answering(steps, () => vscode.commands.executeCommand<T>(command, ...args));
}

/**
 * Exports `tenant` into `folder` as the user does: that folder picked, and the tenant's folder
 * there (`tenantFolder`), if it exists already, replaced.
 */
export async function exportInto(
  tenant: string,
  folder: vscode.Uri,
  tenantFolder: string,
): Promise<{ result: string[] | undefined; ui: ScriptedUserInput }> {
  const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, tenantFolder)).then(
    () => true,
    () => false,
  );
  return runAnswering<string[] | undefined>(
    [
      { expect: / into which folder\?/, answer: { folder: folder.toString() } },
      ...(exists
        ? [{ expect: /already exists\./, answer: { confirm: 'Replace Files' } } as const]
        : []),
    ],
    'crossTenant.exportTenant',
    tenant,
  );
}

/** Discards the draft of `uri` if it has one, confirming as the user does; false when it had none. */
export async function discardIfDraft(uri: vscode.Uri): Promise<boolean> {
  const ui = new ScriptedUserInput([
    { expect: /^Discard your changes to /, answer: { confirm: 'Discard Draft' } },
  ]);
  const slot = (await extensionApi()).userInput.use(ui);
  try {
    return (
      (await vscode.commands.executeCommand<boolean>('crossTenant.discardDraft', uri)) === true
    );
  } finally {
    slot.dispose();
  }
}

/**
 * Removes the sandbox tenant `tenantId` (named `name` in the view) and adds it again, answering
 * both commands' questions as the user does: a fresh client, whose tokens are asked for anew.
 */
export async function readdSandboxTenant(tenantId: string, name: string): Promise<void> {
  await runAnswering(
    [{ expect: `Remove ${name} from the Tenants view?`, answer: { confirm: 'Remove' } }],
    'crossTenant.removeTenant',
    `sandbox:${tenantId}`,
  );
  await runAnswering(
    [
      { expect: 'Add Tenant: how do you sign in?', answer: { pick: /Sandbox$/ } },
      { expect: 'Add Tenant: tenant', answer: { input: tenantId } },
    ],
    'crossTenant.addTenant',
  );
}

/** The tenant and partner ids a document's URI carries (in its query: the path is names). */
export function idsOf(uri: vscode.Uri): { tenant?: string; partner?: string } {
  const query = new URLSearchParams(uri.query);
  return { tenant: query.get('tenant') ?? undefined, partner: query.get('partner') ?? undefined };
}
