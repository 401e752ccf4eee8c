import { formatResetScope, type ResetScopeMember } from '../graph/flags';

/** One way to restart a synchronization job, in words, for a quick pick. */
export interface RestartChoice {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** The `resetScope` members sent with `restart` (see formatResetScope). */
  readonly scope: readonly ResetScopeMember[];
}

/**
 * The restart choices, the portal's "Restart provisioning" first (sync-facts.md §2a). `ConnectorDataStore`
 * alone is left out on purpose: the docs say not to use it without Microsoft support (it is part of Full).
 */
export const RESTART_CHOICES: readonly RestartChoice[] = [
  {
    id: 'restart',
    label: 'Restart',
    detail:
      'What the portal\'s "Restart provisioning" does: re-evaluates every user, drops pending retries and lifts the quarantine.',
    scope: ['Watermark', 'Escrows', 'QuarantineState'],
  },
  {
    id: 'resync',
    label: 'Resync everything',
    detail:
      'Runs a full (initial) cycle that re-evaluates every user in scope instead of only the changes since the last cycle.',
    scope: ['Watermark'],
  },
  {
    id: 'clearEscrows',
    label: 'Clear escrows',
    detail:
      'Drops the pending retries of objects that failed, which resets the failure count that leads to quarantine.',
    scope: ['Escrows'],
  },
  {
    id: 'leaveQuarantine',
    label: 'Leave quarantine',
    detail:
      'Lifts the quarantine so the job runs on its normal schedule again; fix the cause first or it comes back.',
    scope: ['QuarantineState'],
  },
  {
    id: 'allowDeletes',
    label: 'Allow deletes',
    detail:
      'Lets the deletions and disables held back by the accidental-deletion threshold go ahead. Check them in the provisioning logs first.',
    scope: ['ForceDeletes'],
  },
  {
    id: 'full',
    label: 'Full reset',
    detail:
      'Resets everything, including the cached state of the users already synchronized (Microsoft advises support be involved).',
    scope: ['Full'],
  },
];

/** The `resetScope` string a choice sends, e.g. "Watermark, Escrows, QuarantineState". */
export function restartChoiceScope(choice: RestartChoice): string {
  return formatResetScope(choice.scope);
}

/** The choice with this id, if any. */
export function findRestartChoice(id: string): RestartChoice | undefined {
  return RESTART_CHOICES.find((c) => c.id === id);
}
