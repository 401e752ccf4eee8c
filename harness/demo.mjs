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
const server = new CodeServer({ version, outDir: path.join(dir, 'logs'), tag: 'demo', log, dir, port: Number(process.env.PORT || 8080) });
// The demo's user settings: the external sandbox, or (without the flag) the built-in one.
const settingsFile = path.join(dir, 'user-data', 'User', 'settings.json');
const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
settings['crossTenant.sandbox.url'] = sandboxUrl ?? '';
fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
server.installVsix(vsix);
await server.start();
console.log(`\nCross-Tenant Explorer is running in VS Code ${server.vscodeVersion()} (code-server ${version}):\n\n    ${server.url()}\n\nOpen it in a browser and click the Cross-Tenant icon in the activity bar. Ctrl+C stops it.\n`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => { log(`code-server exited (${code})`); process.exit(code ?? 1); });
