/**
 * Every `contextValue` the two views give their rows: what the manifest's `viewItem` clauses
 * choose menus by. The menu test (test/unit/manifest/menus.test.ts) says for each exactly which
 * commands its menus show; the tree tests (test/integration/menus.test.ts) check that every row the
 * views draw has one of these, so a new kind of row cannot go without a decision about its menu.
 */
const AUTH_METHODS = [
  'microsoft',
  'sandbox',
  'deviceCode',
  'clientSecret',
  'certificate',
  'azureCli',
] as const;
export const TENANT_STATES = ['signedIn', 'needsSignIn', 'checking', 'error'] as const;
export const JOB_KINDS = [
  'active',
  'withErrors',
  'paused',
  'quarantine',
  'notRun',
  'notConfigured',
  'failed',
  'unknown',
] as const;
/** Rows that stand for a policy document; with a saved draft they end in `.modified`. */
export const DOCUMENT_ITEMS = [
  'policy.base',
  'policy.default',
  'partner',
  'partner.withIdentitySync',
  'identitySync',
] as const;

export const TENANTS_VIEW_ITEMS: readonly string[] = [
  ...TENANT_STATES.flatMap((state) => AUTH_METHODS.map((auth) => `tenant.${state}.${auth}`)),
  'access',
  ...DOCUMENT_ITEMS.flatMap((item) => [item, `${item}.modified`]),
  'partners',
  'sync',
  'syncConfiguration',
  ...JOB_KINDS.map((kind) => `syncJob.${kind}`),
  'syncAssignments',
  'syncAssignment',
  'message.error',
  'message.info',
  'message.action',
];

export const PAIRS_VIEW_ITEMS: readonly string[] = [
  ...['ok', 'warning', 'error', 'incomplete'].flatMap((s) => [`pair.${s}`, `pair.${s}.synced`]),
  'pairSync',
  'pairFinding',
  'pairFinding.fixable',
  'pairMessage',
];
