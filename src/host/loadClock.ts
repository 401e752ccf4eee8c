// Imported first by extension.ts, so this timestamp is taken when the bundle starts evaluating:
// the activation time we log then covers module loading as well as activate().
export const moduleLoadStart = performance.now();
