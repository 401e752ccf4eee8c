#!/usr/bin/env node
// Serves the packaged extension in code-server until Ctrl+C (see scripts/demo.sh).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeServer, makeLogger } from './codeServer.mjs';

const vsix = process.argv[2];
const urlFlag = process.argv.indexOf('--sandbox-url');
const sandboxUrl = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
const version = process.env.CODE_SERVER_VERSION || '4.139.1';
const dir = path.join(os.homedir(), '.cache', 'cross-tenant-explorer', 'demo');
if (process.env.DEMO_FRESH === '1') fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const log = makeLogger('demo');
const server = new CodeServer({
  version,
  outDir: path.join(dir, 'logs'),
  tag: 'demo',
  log,
  dir,
  port: Number(process.env.PORT || 8080),
});
// The external sandbox, or (without the flag) the built-in one. The setting is machine-scoped, which a
// remote window such as code-server's reads from the server's Machine settings only.
const machineDir = path.join(dir, 'user-data', 'Machine');
fs.mkdirSync(machineDir, { recursive: true });
fs.writeFileSync(
  path.join(machineDir, 'settings.json'),
  JSON.stringify({ 'crossTenant.sandbox.url': sandboxUrl ?? '' }, null, 2),
);
server.installVsix(vsix);
await server.start();
console.log(
  `\nCross-Tenant Explorer is running in VS Code ${server.vscodeVersion()} (code-server ${version}):\n\n    ${server.url()}\n\nOpen it in a browser and click the Cross-Tenant icon in the activity bar. Ctrl+C stops it.\n`,
);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  log(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
