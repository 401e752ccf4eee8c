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
} from '../../src/core/ports/userInput';
import { UserCancelledError } from '../../src/core/userCancelledError';

/** How a scripted step answers the prompt it matches. */
export type Answer =
  /** The item with this label (a RegExp matches part of it). */
  | { readonly pick: string | RegExp }
  | { readonly pickMany: readonly (string | RegExp)[] }
  /** Types `text` into the search, then chooses the items found with these labels. */
  | { readonly search: string; readonly choose: readonly (string | RegExp)[] }
  | { readonly input: string }
  /** The action button clicked. */
  | { readonly confirm: string }
  | { readonly folder: string }
  /** A file chosen, as a URI string. */
  | { readonly file: string }
  /** The action clicked on a non-modal message (messages with no step are only recorded). */
  | { readonly notice: string }
  /** Escape: the prompt throws UserCancelledError. */
  | { readonly cancel: true }
  /** The Back button of a step (from its second step on): the step answers BACK. */
  | { readonly back: true };

export interface Step {
  /** Must match the prompt's text (title, prompt or placeholder, message and detail). */
  readonly expect: string | RegExp;
  readonly answer: Answer;
}

export type PromptKind =
  'pick' | 'pickMany' | 'search' | 'input' | 'confirm' | 'folder' | 'file' | 'inform' | 'warn';

/** What the user was shown, in order: every prompt and message, answered or not. */
export interface Shown {
  readonly kind: PromptKind;
  readonly text: string;
  /** Item labels of a pick, buttons of a confirmation or message. */
  readonly choices: readonly string[];
  /** An input's validation message for the scripted text, when it refused it. */
  readonly refused?: string;
  /** A step of a flow: its position as VS Code shows it beside the title ("2/5"). */
  readonly step?: string;
}

const ANSWER_KIND: Record<string, readonly PromptKind[]> = {
  pick: ['pick'],
  pickMany: ['pickMany'],
  search: ['search'],
  input: ['input'],
  confirm: ['confirm'],
  folder: ['folder'],
  file: ['file'],
  notice: ['inform', 'warn'],
  cancel: ['pick', 'pickMany', 'search', 'input', 'confirm', 'folder', 'file'],
  back: ['pick', 'search', 'input'],
};

const matches = (text: string, want: string | RegExp): boolean =>
  typeof want === 'string' ? text.includes(want) : want.test(text);

/** Runs a scripted answer as a prompt would: a throw becomes a rejected promise. */
function settle<T>(answer: () => T): Promise<T> {
  try {
    return Promise.resolve(answer());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

const join = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join('\n');

/**
 * A `UserInput` that answers from a script, for unit tests of orchestration and for the
 * integration tests (installed with the extension's `userInput.use`). A prompt the script does
 * not expect fails loudly with what was asked, so a test can tell a refusal from a crash; an
 * input its own validation refuses is recorded and then dismissed, as a user would have to.
 */
export class ScriptedUserInput implements UserInput {
  readonly shown: Shown[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[] = []) {
    this.steps = [...steps];
  }

  /** Adds steps to the end of the script. */
  answer(...steps: Step[]): this {
    this.steps.push(...steps);
    return this;
  }

  /** Steps not yet used. */
  get pending(): readonly Step[] {
    return this.steps;
  }

  /** Throws unless every step was used. */
  assertDone(): void {
    if (this.steps.length)
      throw new Error(
        `prompts never shown: ${this.steps.map((s) => String(s.expect)).join(', ')}; shown: ${this.describeShown()}`,
      );
  }

  /** Everything shown, one line each: for assertion messages. */
  describeShown(): string {
    return (
      this.shown.map((s) => `[${s.kind}] ${s.text.replace(/\n/g, ' | ')}`).join('; ') || 'nothing'
    );
  }

  private take(
    kind: PromptKind,
    text: string,
    choices: readonly string[],
    at?: StepPosition,
  ): Answer {
    this.shown.push({ kind, text, choices, ...(at ? { step: `${at.step}/${at.of}` } : {}) });
    const step = this.steps[0];
    const fits =
      step && matches(text, step.expect) && ANSWER_KIND[Object.keys(step.answer)[0]].includes(kind);
    if (!fits)
      throw new Error(
        `unexpected ${kind} prompt "${text.replace(/\n/g, ' | ')}" (choices: ${choices.join(', ') || 'none'}); the script expected ${step ? `${Object.keys(step.answer)[0]} for ${String(step.expect)}` : 'no more prompts'}`,
      );
    this.steps.shift();
    if ('cancel' in step.answer) throw new UserCancelledError();
    if ('back' in step.answer && !(at && (at.step > 1 || at.back)))
      throw new Error(`the ${kind} prompt "${text.replace(/\n/g, ' | ')}" has no Back button`);
    return step.answer;
  }

  private static chosen<T>(
    items: readonly PickItem<T>[],
    labels: readonly (string | RegExp)[],
  ): T[] {
    return labels.map((want) => {
      const found = items.find((i) =>
        typeof want === 'string' ? i.label === want : want.test(i.label),
      );
      if (!found)
        throw new Error(
          `no item "${String(want)}" to choose; items: ${items.map((i) => i.label).join(', ') || 'none'}`,
        );
      return found.value;
    });
  }

  async pick<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T> {
    return (await this.pickStep(items, options, undefined)) as T;
  }

  /** With no position (a plain pick) the prompt has no Back button: a scripted Back fails. */
  async pickStep<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
    at: StepPosition | undefined,
  ): Promise<T | Back> {
    const all = await items;
    const answer = this.take(
      'pick',
      join(options.title, options.placeHolder),
      all.map((i) => i.label),
      at,
    );
    if ('back' in answer) return BACK;
    return ScriptedUserInput.chosen(all, [(answer as { pick: string | RegExp }).pick])[0];
  }

  async pickMany<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T[]> {
    const all = await items;
    const answer = this.take(
      'pickMany',
      join(options.title, options.placeHolder),
      all.map((i) => i.label),
    ) as { pickMany: readonly (string | RegExp)[] };
    return ScriptedUserInput.chosen(all, answer.pickMany);
  }

  async search<T>(options: SearchOptions<T>): Promise<T[]> {
    return (await this.searchStep(options, undefined)) as T[];
  }

  async searchStep<T>(
    options: SearchOptions<T>,
    at: StepPosition | undefined,
  ): Promise<T[] | Back> {
    const taken = this.take('search', join(options.title, options.placeHolder), [], at);
    if ('back' in taken) return BACK;
    const answer = taken as { search: string; choose: readonly (string | RegExp)[] };
    const found = await options.find(answer.search, new AbortController().signal);
    const chosen = ScriptedUserInput.chosen(found, answer.choose);
    if (!chosen.length) throw new UserCancelledError();
    return chosen;
  }

  async input(options: InputOptions): Promise<string> {
    return (await this.inputStep(options, undefined)) as string;
  }

  inputStep(options: InputOptions, at: StepPosition | undefined): Promise<string | Back> {
    return settle(() => {
      const taken = this.take(
        'input',
        join(options.title, options.prompt, options.placeHolder),
        [],
        at,
      );
      if ('back' in taken) return BACK;
      const answer = taken as { input: string };
      const refused = options.validate?.(answer.input);
      if (refused !== undefined) {
        const last = this.shown.pop()!;
        this.shown.push({ ...last, refused });
        throw new UserCancelledError();
      }
      return answer.input;
    });
  }

  confirm<A extends string>(options: ConfirmOptions<A>): Promise<A> {
    return settle(() => {
      const answer = this.take(
        'confirm',
        join(options.message, options.detail),
        options.actions,
      ) as {
        confirm: string;
      };
      const action = options.actions.find((a) => a === answer.confirm);
      if (!action)
        throw new Error(
          `no button "${answer.confirm}" on "${options.message}"; buttons: ${options.actions.join(', ')}`,
        );
      return action;
    });
  }

  pickFolder(options: FolderOptions): Promise<string> {
    return settle(() => {
      return (this.take('folder', join(options.title, options.openLabel), []) as { folder: string })
        .folder;
    });
  }

  pickFile(options: FileOptions): Promise<string> {
    return settle(() => {
      return (this.take('file', join(options.title, options.openLabel), []) as { file: string })
        .file;
    });
  }

  inform<A extends string>(message: string, ...actions: A[]): Promise<A | undefined> {
    return settle(() => {
      return this.notice('inform', message, actions);
    });
  }

  warn<A extends string>(message: string, ...actions: A[]): Promise<A | undefined> {
    return settle(() => {
      return this.notice('warn', message, actions);
    });
  }

  private notice<A extends string>(
    kind: 'inform' | 'warn',
    message: string,
    actions: readonly A[],
  ): A | undefined {
    const step = this.steps[0];
    if (step && 'notice' in step.answer && matches(message, step.expect)) {
      const answer = this.take(kind, message, actions) as { notice: string };
      return actions.find((a) => a === answer.notice);
    }
    this.shown.push({ kind, text: message, choices: actions });
    return undefined;
  }
}
