import type * as vscode from 'vscode';
import type { UserInput } from '../core/ports/userInput';

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

  pick: UserInput['pick'] = (items, options) => this.current.pick(items, options);
  pickMany: UserInput['pickMany'] = (items, options) => this.current.pickMany(items, options);
  search: UserInput['search'] = (options) => this.current.search(options);
  input: UserInput['input'] = (options) => this.current.input(options);
  confirm: UserInput['confirm'] = (options) => this.current.confirm(options);
  pickFolder: UserInput['pickFolder'] = (options) => this.current.pickFolder(options);
  pickFile: UserInput['pickFile'] = (options) => this.current.pickFile(options);
  inform: UserInput['inform'] = (message, ...actions) => this.current.inform(message, ...actions);
  warn: UserInput['warn'] = (message, ...actions) => this.current.warn(message, ...actions);
}
