/**
 * The steps of the Getting Started walkthrough (package.json contributes.walkthroughs), in order.
 * Each step completes on `onContext:crossTenant.walkthrough.<step>`, which the extension sets when
 * the user has done it, not when a command merely started: a cancelled push leaves its step open.
 */
export const WALKTHROUGH_STEPS = [
  'signedIn',
  'openedPartner',
  'pushed',
  'pairSetUp',
  'openedLogs',
] as const;

export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number];

/** The context key whose truth completes `step`. */
export function walkthroughContextKey(step: WalkthroughStep): string {
  return `crossTenant.walkthrough.${step}`;
}
