// The one place the bundle requires `vscode` (esbuild.js resolves every other `import … from
// 'vscode'` here). Bundled on its own, each of the ~70 files that import it would copy every
// property of the API object into a namespace of its own at load: about 20 ms of activation.
export * from 'vscode';
