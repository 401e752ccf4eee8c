/**
 * Where orchestration in core writes what it did, for the user's log (the extension's log channel,
 * which redacts every line; a plain array in tests). Lines are for support, in English.
 */
export interface LogPort {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}
