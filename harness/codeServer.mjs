// Runs a real VS Code (code-server from npm) on 127.0.0.1 and drives it with Debian's Chromium
// through playwright-core. Shared by the integration runner, the e2e runner and `npm run demo`.
//
// Everything a run starts lives in its own process group and its own temporary folder (user data,
// extensions, XDG config/data, TMPDIR), so nothing leaks into $HOME or /tmp and a hard timeout can
// always clean up. playwright-core never downloads a browser: we pass /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HARNESS_HOME =
  process.env.VSC_HARNESS_HOME || path.join(os.homedir(), '.cache', 'vsc-harness');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Reads the env file setup-code-server.sh wrote for this version: CS_NODE, CS_ENTRY, CHROMIUM. */
export function codeServerEnv(version) {
  const file = path.join(HARNESS_HOME, `env-${version}.sh`);
  if (!fs.existsSync(file))
    throw new Error(
      `code-server ${version} is not installed: run CODE_SERVER_VERSIONS=${version} bash harness/setup.sh`,
    );
  const vars = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^export (\w+)='([^']*)'/gm))
    vars[m[1]] = m[2];
  return {
    node: vars.CS_NODE,
    entry: vars.CS_ENTRY,
    chromium: process.env.CHROMIUM || vars.CHROMIUM || '/usr/bin/chromium',
  };
}

export function makeLogger(tag) {
  const t0 = Date.now();
  return (...a) => console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
}

async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * One code-server instance. `start()` installs an optional .vsix first, then serves the workbench;
 * `stop()` ends the whole process group. `session.dir` holds every file the run writes.
 */
export class CodeServer {
  constructor({
    version,
    outDir,
    tag,
    log,
    env = {},
    settings = {},
    machineSettings = {},
    port,
    dir,
  }) {
    Object.assign(this, { version, outDir, tag, log, extraEnv: env, settings, fixedPort: port });
    this.cs = codeServerEnv(version);
    this.dir = dir || fs.mkdtempSync(path.join(os.tmpdir(), `xt-${tag}-`));
    this.ownsDir = !dir;
    this.userData = path.join(this.dir, 'user-data');
    this.extDir = path.join(this.dir, 'extensions');
    this.workspace = path.join(this.dir, 'ws');
    const iso = path.join(this.dir, 'home');
    this.isoEnv = {
      XDG_CONFIG_HOME: path.join(iso, 'config'),
      XDG_DATA_HOME: path.join(iso, 'data'),
      TMPDIR: path.join(iso, 'tmp'),
    };
    for (const d of [
      this.extDir,
      this.workspace,
      path.join(this.userData, 'User'),
      ...Object.values(this.isoEnv),
    ])
      fs.mkdirSync(d, { recursive: true });
    const settingsFile = path.join(this.userData, 'User', 'settings.json');
    if (!fs.existsSync(settingsFile))
      fs.writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
    // Machine-scoped settings (crossTenant.sandbox.url) are read only from the server's Machine
    // settings in a remote window such as code-server's, never from User settings.
    if (Object.keys(machineSettings).length) {
      fs.mkdirSync(path.join(this.userData, 'Machine'), { recursive: true });
      fs.writeFileSync(
        path.join(this.userData, 'Machine', 'settings.json'),
        JSON.stringify(machineSettings, null, 2),
      );
    }
  }

  /** VS Code >= ~1.10x ignores the `payload` URL parameter in a built workbench unless the smoke-test driver is on. */
  smokeArgs() {
    const help =
      spawnSync(this.cs.node, [this.cs.entry, '--help'], { encoding: 'utf8' }).stdout || '';
    if (help.includes('--vscode-option')) return ['--vscode-option', 'enable-smoke-test-driver'];
    if (help.includes('enable-smoke-test-driver')) return ['--enable-smoke-test-driver'];
    return [];
  }

  /** The VS Code version inside this code-server ("4.139.1 <commit> with Code 1.139.1"). */
  vscodeVersion() {
    const out =
      spawnSync(this.cs.node, [this.cs.entry, '--version'], {
        encoding: 'utf8',
        env: { ...process.env, ...this.isoEnv },
      }).stdout || '';
    return /Code (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? 'unknown';
  }

  installVsix(vsix) {
    const t = Date.now();
    const r = spawnSync(
      this.cs.node,
      [
        this.cs.entry,
        '--user-data-dir',
        this.userData,
        '--extensions-dir',
        this.extDir,
        '--install-extension',
        path.resolve(vsix),
      ],
      { encoding: 'utf8', env: { ...process.env, ...this.extraEnv, ...this.isoEnv } },
    );
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout))
      throw new Error(`--install-extension failed: ${r.stdout}${r.stderr}`);
    this.log(`installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
  }

  async start() {
    const port = this.fixedPort || (await freePort());
    const args = [
      this.cs.entry,
      ...this.smokeArgs(),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      this.userData,
      '--extensions-dir',
      this.extDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--log',
      'info',
      this.workspace,
    ];
    fs.mkdirSync(this.outDir, { recursive: true });
    this.logFile = path.join(this.outDir, `code-server-${this.tag}.log`);
    const out = fs.openSync(this.logFile, 'w');
    const t = Date.now();
    this.child = spawn(this.cs.node, args, {
      detached: true, // its own process group, so stop() ends exactly our tree
      stdio: ['ignore', out, out],
      env: { ...process.env, ...this.extraEnv, ...this.isoEnv },
    });
    this.host = `127.0.0.1:${port}`;
    this.base = `http://${this.host}`;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`code-server exited early, see ${this.logFile}`);
      try {
        if ((await fetch(`${this.base}/healthz`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() - t > 60000)
        throw new Error('code-server did not answer /healthz within 60 s');
      await sleep(200);
    }
    this.log(
      `code-server ${this.version} (${this.tag}) up on ${this.base} in ${Date.now() - t} ms`,
    );
  }

  /** The workbench URL; `payload` entries load an extension from source or run a test suite. */
  url(payload) {
    const u = new URL(this.base + '/');
    u.searchParams.set('folder', this.workspace);
    if (payload) u.searchParams.set('payload', JSON.stringify(payload));
    return u.toString();
  }

  remote(p) {
    return `vscode-remote://${this.host}${p}`;
  }

  async stop() {
    const c = this.child;
    if (c && c.exitCode === null) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 40 && c.exitCode === null; i++) await sleep(250);
      if (c.exitCode === null) {
        try {
          process.kill(-c.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    if (this.ownsDir && !process.env.KEEP_TMP)
      fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function launchChromium(executablePath) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    // The machine has no network: without these Chromium keeps trying to reach Google services.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Samples the resident memory of this process and all its descendants (code-server, extension host, Chromium). */
export function startMemorySampler() {
  let peakPss = 0;
  const kidsOf = () => {
    const kids = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
        if (!kids.has(ppid)) kids.set(ppid, []);
        kids.get(ppid).push(Number(d));
      } catch {
        /* process ended */
      }
    }
    return kids;
  };
  const pss = (pid) => {
    try {
      const m = /Pss:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    const kids = kidsOf();
    const all = [];
    const stack = [process.pid];
    while (stack.length) {
      const p = stack.pop();
      all.push(p);
      stack.push(...(kids.get(p) || []));
    }
    peakPss = Math.max(
      peakPss,
      all.reduce((s, p) => s + pss(p), 0),
    );
  }, 500);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peakPss / 1024);
    },
  };
}

/** Ends the run after `seconds` whatever happens, after running `cleanup`. */
export function hardTimeout(seconds, log, cleanup) {
  const t = setTimeout(async () => {
    log(`HARD TIMEOUT after ${seconds}s`);
    await cleanup();
    process.exit(124);
  }, seconds * 1000);
  t.unref();
  return t;
}
