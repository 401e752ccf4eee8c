/**
 * Answers Microsoft leaves open, or documents without promising that they are the only ones: the
 * sandbox gives one by default and can be switched to the other plausible answer, so the client is
 * tested with both (issue 13 §2). Each switch says which answer is documented and which one is a
 * sandbox choice. Set with `Sandbox.create({ answers })`, `sandbox.setAnswers`, or
 * `POST /_sandbox/settings {"answers": {…}}`; `reset()` restores the defaults.
 */
export interface SandboxAnswers {
  /**
   * Creating what exists: POST of a partner, PUT of an identity synchronization. Documented (Entra
   * cross-tenant sync walkthrough, troubleshooting): 409 `Request_MultipleObjectsWithSameKeyValue`.
   * `badRequest`: 400 with the same code, as other directory writes answer a key conflict.
   */
  readonly alreadyExists: 'conflict' | 'badRequest';
  /**
   * GET of an identity synchronization that was never created. Microsoft documents no answer for the
   * GET; `directoryObjectNotFound` (the sandbox's choice) answers as the PATCH is documented to, 404
   * `Directory_ObjectNotFound`; `resourceNotFound` answers 400 `Request_ResourceNotFound`, the code
   * Graph gives for a missing addressable object.
   */
  readonly missingIdentitySync: 'directoryObjectNotFound' | 'resourceNotFound';
  /**
   * A failed validateCredentials. Microsoft documents neither status nor body; the sandbox answers
   * 400 with the policy-check code and a message naming each failed check (`none`), and with
   * `perProblem` also one `details[]` entry per failed check with a code of its own and the tenant
   * to change as `target` (a sandbox invention: the client may use it only as a refinement).
   */
  readonly credentialTestDetails: 'none' | 'perProblem';
  /**
   * GET …/synchronization/secrets, which the v1.0 reference does not list. `served` (the sandbox's
   * choice, as public support notes for Entra provisioning quote real answers): `{value: [{key,
   * value}]}` with passwords masked. Otherwise the refusal a tenant may give instead: `forbidden`
   * (403), `notFound` (404), `badRequest` (400).
   */
  readonly syncSecrets: 'served' | 'forbidden' | 'notFound' | 'badRequest';
}

export const DEFAULT_ANSWERS: SandboxAnswers = {
  alreadyExists: 'conflict',
  missingIdentitySync: 'directoryObjectNotFound',
  credentialTestDetails: 'none',
  syncSecrets: 'served',
};

const CHOICES: { readonly [K in keyof SandboxAnswers]: readonly SandboxAnswers[K][] } = {
  alreadyExists: ['conflict', 'badRequest'],
  missingIdentitySync: ['directoryObjectNotFound', 'resourceNotFound'],
  credentialTestDetails: ['none', 'perProblem'],
  syncSecrets: ['served', 'forbidden', 'notFound', 'badRequest'],
};

/** The answers `value` sets, checked; TypeError naming the switch and its choices otherwise. */
export function checkAnswers(value: unknown): Partial<SandboxAnswers> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('answers must be an object.');
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, choice] of entries) {
    const allowed = (CHOICES as Record<string, readonly unknown[]>)[key];
    if (!allowed)
      throw new TypeError(
        `Unknown answers switch '${key}'; supported: ${Object.keys(CHOICES).join(', ')}.`,
      );
    if (!allowed.includes(choice))
      throw new TypeError(`answers.${key} must be one of ${allowed.join(', ')}.`);
  }
  return Object.fromEntries(entries);
}
