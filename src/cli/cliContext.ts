import { printable } from '../core/printable';
import type { ParsedArgs } from './args';
import { connect, type Connection, type Env } from './connection';

/** Where the CLI writes and what it reads from its environment; process streams in the executable, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Env;
}

/** What a command returns: its exit code and, for `--json`, the one document printed on stdout. */
export interface CommandResult {
  readonly code: number;
  readonly json: unknown;
}

/** Shared by every command: parsed arguments, text output (silent under `--json`), the Graph connection. */
export class CliContext {
  private connection?: Connection;

  constructor(
    readonly args: ParsedArgs,
    readonly io: CliIo,
    /** Aborts when the command's --deadline passes, with the error to report. */
    readonly deadline: AbortSignal,
  ) {}

  /**
   * A line of the human-readable output (stdout); nothing under `--json`. Lines carry names and
   * values from Graph and from files: printed as one line without control characters.
   */
  print(line = ''): void {
    if (!this.args.json) this.io.stdout.write(`${printable(line)}\n`);
  }

  /** A warning or progress note on stderr, also under `--json` (stdout stays one JSON document). */
  note(line: string): void {
    this.io.stderr.write(`${printable(line)}\n`);
  }

  get graph(): Connection {
    this.connection ??= connect({
      sandbox: this.args.sandbox,
      cloud: this.args.cloud,
      env: this.io.env,
      limits: {
        requestTimeoutMs: this.args.timeoutMs,
        deadlineMs: this.args.deadlineMs,
        signal: this.deadline,
      },
      ...(this.args.deviceCode ? { deviceCode: (message: string) => this.note(message) } : {}),
    });
    return this.connection;
  }
}
