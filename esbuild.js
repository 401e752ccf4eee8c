// Bundles the extension host code and the webview code.
//   node esbuild.js               development build: source maps, not minified
//   node esbuild.js --production  release build: minified, no source maps (used by `npm run package`)
//   node esbuild.js --watch       rebuild on change (F5 uses this)
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild's problems in the `file:line:col: error: text` form VS Code's problem matcher reads. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => console.log(`[esbuild] ${build.initialOptions.outfile}: build started`));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location)
          console.error(`${location.file}:${location.line}:${location.column}: error: ${text}`);
        else console.error(`error: ${text}`);
      }
      console.log(`[esbuild] ${build.initialOptions.outfile}: build finished`);
    });
  },
};

/**
 * Every `import … from 'vscode'` resolves to src/host/vscodeModule.ts, which alone requires the real
 * module: esbuild would otherwise wrap `require('vscode')` in a copy of the whole API object per
 * importing file, a cost paid at activation (see that file).
 */
const path = require('path');
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    const shim = path.resolve(__dirname, 'src/host/vscodeModule.ts');
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer === shim ? { path: 'vscode', external: true } : { path: shim },
    );
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'silent',
  plugins: [problemReporter],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** The extension host bundle: CommonJS for VS Code's Node, `vscode` provided by the host. */
const extension = {
  ...common,
  plugins: [...common.plugins, vscodeOnce],
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  mainFields: ['module', 'main'],
};

/**
 * Optional heavy code in bundles of their own, required on first use through src/host/lazyBundles.ts:
 * the sandbox service (only for sandbox tenants), @azure/identity (only for device code, client
 * secret, certificate and Azure CLI sign-in) and ajv with the compiled schemas (only once a policy
 * document is checked).
 */
const lazyBundles = [
  { entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox.js' },
  { entryPoints: ['src/services/auth/identityCredentials.ts'], outfile: 'dist/identity.js' },
  { entryPoints: ['src/core/policy/policySchemas.ts'], outfile: 'dist/policySchemas.js' },
].map((b) => ({ ...extension, ...b }));

/**
 * The `cross-tenant` command-line tool (package.json `bin`): plain Node, CommonJS, started through
 * its shebang; it needs no `vscode` and loads @azure/identity only for real tenants.
 */
const cli = {
  ...extension,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
};

/** The webview bundle (browser code of the provisioning-log panel), built only once its source exists. */
const fs = require('fs');
const webview = fs.existsSync('src/webview-ui/main.ts') && {
  ...common,
  entryPoints: ['src/webview-ui/main.ts'],
  outfile: 'dist/webview.js',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

/**
 * The schemas VS Code's JSON service reads (package.json `jsonValidation` points here): those in
 * schemas/ without the keywords that judge a value, which our own checks report instead (see
 * src/core/policy/editorSchema.ts).
 */
function writeEditorSchemas() {
  const { editorSchema } = require('tsx/cjs/api').require(
    './src/core/policy/editorSchema.ts',
    __filename,
  );
  const out = path.join(__dirname, 'dist', 'schemas');
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(path.join(__dirname, 'schemas'))) {
    if (!file.endsWith('.schema.json')) continue;
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', file), 'utf8'));
    const target = path.join(out, file);
    fs.writeFileSync(`${target}.tmp`, JSON.stringify(editorSchema(schema), null, 2) + '\n');
    fs.renameSync(`${target}.tmp`, target);
  }
}

async function main() {
  writeEditorSchemas();
  const configs = [extension, ...lazyBundles, cli, webview].filter(Boolean);
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (results.some((r) => r.errors.length)) process.exit(1);
  // Runnable as ./dist/cli.js (npm sets the mode itself when it links a bin).
  fs.chmodSync(cli.outfile, 0o755);
}

// Required by a test (test/unit/cli) to build the CLI from this same configuration.
module.exports = { cli };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
