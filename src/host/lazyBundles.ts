import * as path from 'node:path';

/**
 * Heavy code that most sessions never need lives in its own bundle next to dist/extension.js
 * (esbuild.js lists them) and is required on first use, so activation stays fast and the main
 * bundle small (DESIGN.md budgets). The caller names the bundle and its module type, imported as
 * a type only so that the code stays out of the main bundle.
 */
export function requireBundle<Module>(fileName: string): Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, resolved next to dist/extension.js
  return require(path.join(__dirname, fileName)) as Module;
}
