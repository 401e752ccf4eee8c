import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import { plainText } from '../core/printable';
import {
  BACK,
  type Back,
  type ConfirmOptions,
  type FileOptions,
  type FolderOptions,
  type InputOptions,
  type PickItem,
  type PickOptions,
  type SearchOptions,
  type StepPosition,
  type UserInput,
} from '../core/ports/userInput';
import { UserCancelledError } from '../core/userCancelledError';
import type { Log } from './log';
import { acceptedItems, keepChosen } from './searchChoices';

type Item<T> = vscode.QuickPickItem & { readonly value: T };

// Quick picks and messages show Markdown's backticks as they are: words from core lose them.
const plain = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : plainText(text);

const toItem = <T>(i: PickItem<T>): Item<T> => ({
  label: i.label,
  description: plain(i.description),
  detail: plain(i.detail),
  picked: i.picked,
  value: i.value,
});

/** "2/5" beside the title, and a Back button from the second step on. */
function placeAt(
  input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] },
  at: StepPosition,
): void {
  input.step = at.step;
  input.totalSteps = at.of;
  input.buttons = at.step > 1 || at.back ? [vscode.QuickInputButtons.Back] : [];
}

/** Milliseconds after the last key before a search runs: fewer Graph requests while typing. */
const SEARCH_DELAY_MS = 300;

/**
 * The product's `UserInput`: VS Code's quick picks, input boxes and messages. Prompts keep their
 * focus (`ignoreFocusOut`): an admin who switches to a browser to look up a domain must not lose
 * what they typed. A dismissed prompt throws UserCancelledError.
 */
export class VscodeUserInput implements UserInput {
  constructor(private readonly log: Log) {}

  async pick<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T> {
    const picked = await vscode.window.showQuickPick<Item<T>>(
      Promise.resolve(items).then((all) => all.map(toItem)),
      { ...options, ignoreFocusOut: true },
    );
    if (!picked) throw new UserCancelledError();
    return picked.value;
  }

  async pickMany<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T[]> {
    const picked = await vscode.window.showQuickPick<Item<T>>(
      Promise.resolve(items).then((all) => all.map(toItem)),
      { ...options, canPickMany: true, ignoreFocusOut: true },
    );
    if (!picked) throw new UserCancelledError();
    return picked.map((p) => p.value);
  }

  async search<T>(options: SearchOptions<T>): Promise<T[]> {
    // Without a position there is no Back button, so the answer is always items.
    return (await this.searchIn(options)) as T[];
  }

  searchStep<T>(options: SearchOptions<T>, at: StepPosition): Promise<T[] | Back> {
    return this.searchIn(options, at);
  }

  async pickStep<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
    at: StepPosition,
  ): Promise<T | Back> {
    const pick = vscode.window.createQuickPick<Item<T>>();
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    pick.ignoreFocusOut = true;
    placeAt(pick, at);
    pick.busy = true;
    let failed: unknown;
    void Promise.resolve(items).then(
      (all) => {
        pick.items = all.map(toItem);
        pick.busy = false;
      },
      (err: unknown) => {
        // The items could not be read: the pick closes and the caller sees the failure.
        failed = err;
        pick.hide();
      },
    );
    try {
      const answer = await new Promise<T | Back | undefined>((resolve) => {
        pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && resolve(BACK));
        pick.onDidAccept(() => {
          const [chosen] = pick.activeItems;
          if (chosen) resolve(chosen.value);
        });
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      if (failed !== undefined)
        throw failed instanceof Error ? failed : new Error(describeError(failed).summary);
      if (answer === undefined) throw new UserCancelledError();
      return answer;
    } finally {
      pick.dispose();
    }
  }

  async inputStep(options: InputOptions, at: StepPosition): Promise<string | Back> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = plainText(options.prompt);
    box.placeholder = options.placeHolder;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    placeAt(box, at);
    try {
      const answer = await new Promise<string | Back | undefined>((resolve) => {
        box.onDidChangeValue((v) => (box.validationMessage = options.validate?.(v)));
        box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && resolve(BACK));
        box.onDidAccept(() => {
          const refused = options.validate?.(box.value);
          box.validationMessage = refused;
          if (refused === undefined) resolve(box.value);
        });
        box.onDidHide(() => resolve(undefined));
        box.show();
      });
      if (answer === undefined) throw new UserCancelledError();
      return answer;
    } finally {
      box.dispose();
    }
  }

  private async searchIn<T>(options: SearchOptions<T>, at?: StepPosition): Promise<T[] | Back> {
    const pick = vscode.window.createQuickPick<Item<T>>();
    if (at) placeAt(pick, at);
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    pick.canSelectMany = options.canPickMany;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    pick.ignoreFocusOut = true;
    let abort: AbortController | undefined;
    let timer: NodeJS.Timeout | undefined;
    // Choices survive new searches: a multi-select keeps what was checked before the text changed.
    const keep = (found: Item<T>[]): Item<T>[] =>
      keepChosen(pick.selectedItems, found, (i) => options.key(i.value));
    pick.onDidChangeValue((value) => {
      clearTimeout(timer);
      abort?.abort();
      if (value.trim().length < 2) return;
      timer = setTimeout(() => {
        const current = new AbortController();
        abort = current;
        pick.busy = true;
        options
          .find(value.trim(), current.signal)
          .then(
            (found) => {
              if (abort !== current) return;
              const chosen = pick.selectedItems;
              pick.items = keep(found.map(toItem));
              pick.selectedItems = chosen;
              // New results highlight the first row, as a single pick does by itself (a
              // multi-select highlights nothing), so Enter with nothing checked takes it.
              pick.activeItems = pick.items.slice(0, 1);
            },
            (err: unknown) => {
              const d = describeError(err);
              if (d.cancelled || abort !== current) return;
              // A failed search is not "no results": say so in the pick, the detail in the log.
              this.log.error(`Search "${value.trim()}" failed: ${d.detail}`);
              pick.items = keep([]);
              pick.placeholder = vscode.l10n.t(
                'Search failed: {0} (details in the log)',
                d.summary,
              );
            },
          )
          .finally(() => {
            if (abort === current) pick.busy = false;
          });
      }, SEARCH_DELAY_MS);
    });
    try {
      const result = await new Promise<T[] | Back | undefined>((resolve) => {
        pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && resolve(BACK));
        pick.onDidAccept(() => {
          const chosen = acceptedItems(options.canPickMany, pick.selectedItems, pick.activeItems);
          // Enter before anything was found keeps the pick open.
          if (chosen.length) resolve(chosen.map((i) => i.value));
        });
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      if (result === undefined) throw new UserCancelledError();
      return result;
    } finally {
      clearTimeout(timer);
      abort?.abort();
      pick.dispose();
    }
  }

  async input(options: InputOptions): Promise<string> {
    const text = await vscode.window.showInputBox({
      title: options.title,
      prompt: plainText(options.prompt),
      placeHolder: options.placeHolder,
      value: options.value,
      password: options.password,
      ignoreFocusOut: true,
      validateInput: options.validate,
    });
    if (text === undefined) throw new UserCancelledError();
    return text;
  }

  async confirm<A extends string>(options: ConfirmOptions<A>): Promise<A> {
    const chosen = await vscode.window.showWarningMessage(
      plainText(options.message),
      { modal: true, detail: plain(options.detail) },
      ...options.actions,
    );
    if (chosen === undefined) throw new UserCancelledError();
    return chosen;
  }

  async pickFolder(options: FolderOptions): Promise<string> {
    const folders = await vscode.window.showOpenDialog({
      title: options.title,
      openLabel: options.openLabel,
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: options.defaultUri ? vscode.Uri.parse(options.defaultUri) : undefined,
    });
    if (!folders?.length) throw new UserCancelledError();
    return folders[0].toString();
  }

  async pickFile(options: FileOptions): Promise<string> {
    const files = await vscode.window.showOpenDialog({
      title: options.title,
      openLabel: options.openLabel,
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: options.filters
        ? Object.fromEntries(Object.entries(options.filters).map(([k, v]) => [k, [...v]]))
        : undefined,
    });
    if (!files?.length) throw new UserCancelledError();
    return files[0].toString();
  }

  async inform<A extends string>(message: string, ...actions: A[]): Promise<A | undefined> {
    return vscode.window.showInformationMessage(plainText(message), ...actions);
  }

  async warn<A extends string>(message: string, ...actions: A[]): Promise<A | undefined> {
    return vscode.window.showWarningMessage(plainText(message), ...actions);
  }
}
