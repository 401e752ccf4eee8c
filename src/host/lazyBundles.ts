import * as path from 'node:path';
import type * as IdentityModule from './auth/identityCredentials';
import type * as PolicySchemasModule from '../core/policy/policySchemas';
import type * as SandboxModule from '../sandbox';

/**
 * Heavy code that most sessions never need lives in its own bundle next to dist/extension.js and is
 * required on first use, so activation stays fast and the main bundle small (DESIGN.md budgets).
 */
export function loadSandboxModule(): typeof SandboxModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, resolved next to dist/extension.js
  return require(path.join(__dirname, 'sandbox.js')) as typeof SandboxModule;
}

export function loadIdentityModule(): typeof IdentityModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, resolved next to dist/extension.js
  return require(path.join(__dirname, 'identity.js')) as typeof IdentityModule;
}

/** ajv and the compiled JSON Schemas (about 120 KB): needed only once a policy document is checked. */
export function loadPolicySchemasModule(): typeof PolicySchemasModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, resolved next to dist/extension.js
  return require(path.join(__dirname, 'policySchemas.js')) as typeof PolicySchemasModule;
}
