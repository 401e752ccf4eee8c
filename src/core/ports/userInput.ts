/**
 * Everything a command asks the user, as one port: VS Code's window in the product
 * (host/vscodeUserInput), a scripted double in tests (test/support/scriptedUserInput). A prompt
 * the user dismisses throws `UserCancelledError`, so no caller can mistake "no answer" for an
 * answer, and no argument can skip a prompt: a test answers it through the double instead.
 */
export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Shown checked in a multi-select pick. */
  readonly picked?: boolean;
  readonly value: T;
}

export interface PickOptions {
  readonly title?: string;
  readonly placeHolder: string;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

export interface InputOptions {
  readonly title?: string;
  readonly prompt: string;
  readonly placeHolder?: string;
  readonly value?: string;
  readonly password?: boolean;
  /** A message while the text cannot be accepted, undefined once it can. */
  readonly validate?: (value: string) => string | undefined;
}

export interface ConfirmOptions<A extends string> {
  /** One line: what is about to happen. */
  readonly message: string;
  /** What it means, shown under the message. */
  readonly detail?: string;
  /** The buttons, in order; dismissing the dialog (Cancel, Escape) throws UserCancelledError. */
  readonly actions: readonly A[];
}

export interface FolderOptions {
  readonly title: string;
  readonly openLabel: string;
  /** A folder URI string to start in. */
  readonly defaultUri?: string;
}

export interface FileOptions {
  readonly title: string;
  readonly openLabel?: string;
  /** The kinds of file offered, by name: `{ 'PEM certificate': ['pem'] }`. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
}

/** A live search in a pick (the directory picker): `find` runs for each text the user types. */
export interface SearchOptions<T> extends PickOptions {
  readonly find: (text: string, signal: AbortSignal) => Promise<readonly PickItem<T>[]>;
  /**
   * Several items may be chosen. Accepting with none checked chooses the highlighted one, so
   * Enter on a result does what it says.
   */
  readonly canPickMany: boolean;
  /** What tells two results apart (an object id): two users may share a display name. */
  readonly key: (value: T) => string;
}

/** Where a question stands in a flow of several: VS Code shows "2/5" beside its title. */
export interface StepPosition {
  /** From 1. */
  readonly step: number;
  readonly of: number;
  /** Back even on the first step: a follow-up question within a step goes back to its first. */
  readonly back?: boolean;
}

/**
 * The answer of a step whose Back button was pressed: the flow asks the question before again.
 * From the global registry, so a test double loaded from another copy of this module answers the
 * same symbol.
 */
export const BACK: unique symbol = Symbol.for('crossTenant.userInput.back');
export type Back = typeof BACK;

export interface UserInput {
  /** One item; throws UserCancelledError when the pick is dismissed. */
  pick<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T>;
  /** Any number of items (none is an answer); throws UserCancelledError when dismissed. */
  pickMany<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
  ): Promise<T[]>;
  /** Items found as the user types; throws UserCancelledError when dismissed or nothing is chosen. */
  search<T>(options: SearchOptions<T>): Promise<T[]>;
  /** Text the user typed and `validate` accepted; throws UserCancelledError when dismissed. */
  input(options: InputOptions): Promise<string>;
  /**
   * `pick`, `search` and `input` as a step of a flow: the position beside the title and, from the
   * second step on, a Back button, which answers BACK.
   */
  pickStep<T>(
    items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>,
    options: PickOptions,
    at: StepPosition,
  ): Promise<T | Back>;
  searchStep<T>(options: SearchOptions<T>, at: StepPosition): Promise<T[] | Back>;
  inputStep(options: InputOptions, at: StepPosition): Promise<string | Back>;
  /** A modal warning with actions: the one chosen; throws UserCancelledError when dismissed. */
  confirm<A extends string>(options: ConfirmOptions<A>): Promise<A>;
  /** A folder the user chose, as a URI string; throws UserCancelledError when dismissed. */
  pickFolder(options: FolderOptions): Promise<string>;
  /** A file the user chose, as a URI string; throws UserCancelledError when dismissed. */
  pickFile(options: FileOptions): Promise<string>;
  /** A non-modal message; resolves with the action clicked, or undefined when closed. */
  inform<A extends string>(message: string, ...actions: A[]): Promise<A | undefined>;
  /** A non-modal warning; resolves with the action clicked, or undefined when closed. */
  warn<A extends string>(message: string, ...actions: A[]): Promise<A | undefined>;
}
