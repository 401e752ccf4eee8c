import * as vscode from 'vscode';
import type { Log } from './log';
import { reportError } from './reportError';
import { runAsUserAction } from './userAction';

/** What every command handler receives besides its own arguments: the log, at least. */
export interface HostContext {
  readonly log: Log;
}

/** A command: its id and its handler, which gets the context and the arguments VS Code passes. */
export interface HostCommand<C extends HostContext> {
  readonly id: string;
  readonly run: (ctx: C, ...args: unknown[]) => unknown;
}

/**
 * The single place where command failures are handled. A cancelled operation is silent. Anything
 * else becomes one short message that names the fix, with "Show Log" leading to the full detail
 * (status, Graph error code, request id) that was written to the log channel.
 */
export function registerCommand<C extends HostContext>(
  def: HostCommand<C>,
  ctx: C,
): vscode.Disposable {
  return vscode.commands.registerCommand(def.id, async (...args: unknown[]) => {
    try {
      // A command is a user action: credentials may prompt for sign-in while it runs.
      return await runAsUserAction(() => def.run(ctx, ...args));
    } catch (err) {
      reportError(ctx.log, def.id, err);
      return undefined;
    }
  });
}
