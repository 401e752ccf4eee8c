import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import type { Log } from './log';

/** What every command handler receives besides its own arguments. */
export interface CommandContext {
  readonly log: Log;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export interface CommandDefinition {
  readonly id: string;
  readonly run: CommandHandler;
}

/**
 * The single place where command failures are handled. A cancelled operation is silent. Anything
 * else becomes one short message that names the fix, with "Show Log" leading to the full detail
 * (status, Graph error code, request id) that was written to the log channel.
 */
export function registerCommand(def: CommandDefinition, ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(def.id, async (...args: unknown[]) => {
    try {
      return await def.run(ctx, ...args);
    } catch (err) {
      const d = describeError(err);
      if (d.cancelled) return undefined;
      ctx.log.error(`${def.id} failed: ${d.detail}`);
      const choice = await vscode.window.showErrorMessage(d.summary, 'Show Log');
      if (choice === 'Show Log') ctx.log.show();
      return undefined;
    }
  });
}
