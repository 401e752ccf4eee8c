import type * as vscode from 'vscode';
import type { UserInput } from '../core/ports/userInput';
import { UserCancelledError } from '../core/userCancelledError';

/**
 * A dismissal from a double loaded outside this bundle (the integration tests' own copy of
 * core/userCancelledError) is this bundle's UserCancelledError, so the command wrapper, the push
 * flow and the drafts treat it as the user's "Cancel" and not as a crash. Anything else passes.
 */
function asCancellation(err: unknown): never {
  if (
    err instanceof Error &&
    !(err instanceof UserCancelledError) &&
    err.name === new UserCancelledError().name
  )
    throw new UserCancelledError(err.message);
  throw err;
}

/**
 * The `UserInput` every command and service holds. It forwards to VS Code's window; the
 * integration tests put their scripted double in for the length of a test (`use`), which is the
 * only way a prompt is answered without a person: no command argument can skip one.
 */
export class UserInputSlot implements UserInput {
  private current: UserInput;

  constructor(private readonly product: UserInput) {
    this.current = product;
  }

  /** Answers every prompt through `ui` until the returned disposable is disposed. */
  use(ui: UserInput): vscode.Disposable {
    this.current = ui;
    return {
      dispose: () => {
        if (this.current === ui) this.current = this.product;
      },
    };
  }

  pick: UserInput['pick'] = (items, options) =>
    this.current.pick(items, options).catch(asCancellation);
  pickMany: UserInput['pickMany'] = (items, options) =>
    this.current.pickMany(items, options).catch(asCancellation);
  search: UserInput['search'] = (options) => this.current.search(options).catch(asCancellation);
  input: UserInput['input'] = (options) => this.current.input(options).catch(asCancellation);
  pickStep: UserInput['pickStep'] = (items, options, at) =>
    this.current.pickStep(items, options, at).catch(asCancellation);
  searchStep: UserInput['searchStep'] = (options, at) =>
    this.current.searchStep(options, at).catch(asCancellation);
  inputStep: UserInput['inputStep'] = (options, at) =>
    this.current.inputStep(options, at).catch(asCancellation);
  confirm: UserInput['confirm'] = (options) => this.current.confirm(options).catch(asCancellation);
  pickFolder: UserInput['pickFolder'] = (options) =>
    this.current.pickFolder(options).catch(asCancellation);
  pickFile: UserInput['pickFile'] = (options) =>
    this.current.pickFile(options).catch(asCancellation);
  inform: UserInput['inform'] = (message, ...actions) => this.current.inform(message, ...actions);
  warn: UserInput['warn'] = (message, ...actions) => this.current.warn(message, ...actions);
}
