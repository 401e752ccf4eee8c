import * as vscode from 'vscode';
import { redactSecrets } from '../core/redact';

/**
 * The extension's log channel. Every message passes through `redactSecrets` so that a token that
 * slips into an error text or a request dump never reaches the Output panel or a log file.
 */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  show(): void;
}

export function createLog(channel: vscode.LogOutputChannel): Log {
  const clean = (m: string | Error): string =>
    redactSecrets(m instanceof Error ? (m.stack ?? m.message) : m);
  return {
    trace: (m) => channel.trace(clean(m)),
    debug: (m) => channel.debug(clean(m)),
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m) => channel.error(clean(m)),
    show: () => channel.show(true),
  };
}
