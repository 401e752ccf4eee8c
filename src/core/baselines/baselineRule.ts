import type { Expectation } from './expectation';

/** One rule of a baseline, with the pack it belongs to. */
export interface BaselineRule {
  readonly pack: string;
  readonly packVersion: string;
  readonly id: string;
  readonly title: string;
  /** The file in the pack's repository that states or implements the rule. */
  readonly sourcePath: string;
  /** Whether the baseline's own authors check it automatically. */
  readonly automated: boolean;
  readonly note?: string;
  readonly expect: Expectation;
}

/** A published baseline at one version, read from `baselines/<pack>-<version>.json`. */
export interface BaselinePack {
  readonly pack: string;
  readonly name: string;
  readonly version: string;
  readonly versionNote?: string;
  /** owner/name of the public GitHub repository the rules come from. */
  readonly repository: string;
  readonly commit: string;
  readonly rules: readonly BaselineRule[];
}
