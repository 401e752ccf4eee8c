import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { SANDBOX_TENANT_IDS, type SandboxServer } from '../../../src/sandbox';
import { liveCheck } from '../../../scripts/liveCheck';
import type { EntraStandIn } from '../../support/entraStandIn';
import { signedGraphEnv, startSignedGraph } from './signedGraph';

const ROOT = path.resolve(__dirname, '../../..');
const { contoso, fabrikam, woodgrove } = SANDBOX_TENANT_IDS;
const APP = '5d1c9e7a-3b2f-4e6d-8a0c-1f2e3d4c5b6a';
const NARROW_APP = '7e2d0f8b-4c3a-4f7e-9b1d-2a3b4c5d6e7f';
const SECRET = 'live-check~stand-in-secret';
const READ_ROLES = [
  'Organization.Read.All',
  'Policy.Read.All',
  'CrossTenantInformation.ReadBasic.All',
  'Application.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All',
];

async function inProcess(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  const code = await liveCheck(argv, { stdout: { write: (t: string) => (out += t) }, env });
  return { code, lines: out.trimEnd().split('\n') };
}

describe('npm run test:live', () => {
  describe('without a tenant, and with bad arguments', () => {
    it('says in one line that no tenant is configured and exits 0', async () => {
      const envs: Record<string, string>[] = [
        {},
        { AZURE_CLIENT_ID: APP, AZURE_CLIENT_SECRET: SECRET },
      ];
      for (const env of envs) {
        const { code, lines } = await inProcess([], env);
        assert.equal(code, 0);
        assert.deepEqual(lines, [
          'test:live: no tenant configured (set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH); nothing checked.',
        ]);
      }
    });

    const refused: [string[], Record<string, string>, RegExp][] = [
      [['--frob'], {}, /^test:live: Unknown argument --frob\. Usage: npm run test:live/],
      [['--write'], {}, /^test:live: --write needs a value\./],
      [
        ['--write', 'fabrikam.com'],
        {},
        /--write needs the tenant id \(a GUID\) of a test partner, not "fabrikam\.com"/,
      ],
      [['--cloud=mars'], {}, /Unknown cloud "mars"/],
      [
        [],
        { AZURE_TENANT_ID: 'contoso.com' },
        /AZURE_TENANT_ID must be a tenant id \(a GUID\), not "contoso\.com"/,
      ],
      [[], { AZURE_TENANT_ID: contoso }, /No credentials: set AZURE_CLIENT_ID/],
      [
        [],
        { AZURE_TENANT_ID: contoso, AZURE_CLIENT_ID: APP },
        /AZURE_CLIENT_ID is set but no secret/,
      ],
    ];
    for (const [argv, env, message] of refused) {
      it(`${[...argv, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)].join(' ')}: one line, exit 2`, async () => {
        const { code, lines } = await inProcess(argv, env);
        assert.equal(code, 2);
        assert.equal(lines.length, 1);
        assert.match(lines[0], message);
      });
    }
  });

  describe('against the HTTP sandbox and the Entra stand-in (signed app-only tokens)', function () {
    this.timeout(60_000);
    let entra: EntraStandIn;
    let graph: SandboxServer;

    /** `npm run -s test:live` as a person runs it, in its own process. */
    function npmRunTestLive(
      argv: string[],
      app: string,
    ): Promise<{ code: number; stdout: string }> {
      return new Promise((resolve) => {
        execFile(
          'npm',
          ['run', '-s', 'test:live', '--', ...argv],
          {
            cwd: ROOT,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.env.HOME ?? '',
              ...signedGraphEnv(entra, graph),
              AZURE_TENANT_ID: contoso,
              AZURE_CLIENT_ID: app,
              AZURE_CLIENT_SECRET: SECRET,
            },
            timeout: 50_000,
          },
          (error, stdout) =>
            resolve({
              code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
              stdout,
            }),
        );
      });
    }

    async function partnerTrust(partner: string): Promise<unknown> {
      const token = entra.issuer.accessToken({
        tenantId: contoso,
        appId: APP,
        roles: ['Policy.Read.All'],
      });
      const response = await fetch(
        `${graph.url}/v1.0/policies/crossTenantAccessPolicy/partners/${partner}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      return ((await response.json()) as { inboundTrust: unknown }).inboundTrust;
    }

    before(async () => {
      ({ entra, graph } = await startSignedGraph());
      entra.register({
        appId: APP,
        secret: SECRET,
        roles: { [contoso]: [...READ_ROLES, 'Policy.ReadWrite.CrossTenantAccess'] },
      });
      entra.register({
        appId: NARROW_APP,
        secret: SECRET,
        roles: { [contoso]: READ_ROLES.filter((r) => r !== 'AuditLog.Read.All') },
      });
    });
    after(async () => {
      await graph?.close();
      await entra?.close();
    });

    it('reads tenant, policy, default, partners with names, sync configurations and jobs, and a page of logs; writes nothing', async () => {
      const before = JSON.stringify(graph.sandbox.exportState());
      const { code, stdout } = await npmRunTestLive([], APP);
      assert.equal(code, 0, stdout);
      const lines = stdout.trimEnd().split('\n');
      assert.match(
        lines[0],
        new RegExp(
          `^Live check of tenant ${contoso} through Microsoft Graph \\(Global\\) at ${graph.url}, app-only as ${APP} \\(client secret from AZURE_CLIENT_SECRET\\); read-only\\.$`,
        ),
      );
      assert.deepEqual(
        lines.slice(1, -1).map((l) => l.slice(0, 17).trimEnd()),
        ['  ✓ tenant', '  ✓ policy', '  ✓ default', '  ✓ partners', '  ✓ sync', '  ✓ provisioning'],
      );
      assert.match(stdout, /✓ tenant +Contoso Group, contoso\.onmicrosoft\.com\n/);
      assert.match(
        stdout,
        /✓ partners +3 partners, 3 named: .*Fabrikam Retail \(fabrikamretail\.onmicrosoft\.com\)/,
      );
      assert.match(
        stdout,
        /✓ sync +2 configurations: Fabrikam Retail \(Active\), Tailspin Toys \(Quarantined\)/,
      );
      assert.match(stdout, /✓ provisioning +one page: 50 entries, newest \d{4}-\d\d-\d\dT/);
      assert.equal(lines.at(-1), '6 checks passed, 0 failed.');
      assert.equal(JSON.stringify(graph.sandbox.exportState()), before, 'nothing changed');
    });

    it('--write <partner>: changes one setting of that partner, reads it back and restores it', async () => {
      const trustBefore = await partnerTrust(fabrikam);
      const { code, stdout } = await npmRunTestLive(['--write', fabrikam], APP);
      assert.equal(code, 0, stdout);
      assert.match(
        stdout,
        /writes to partner 7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58 only, restored afterwards\./,
      );
      assert.match(
        stdout,
        /✓ write +partner Fabrikam Retail: inbound trust of hybrid-joined devices (on|off), read back, restored\n/,
      );
      assert.match(stdout, /7 checks passed, 0 failed\.\n$/);
      assert.deepEqual(await partnerTrust(fabrikam), trustBefore);
    });

    it('prints what failed and why (a missing permission, a tenant that is not a partner), and exits 1', async () => {
      const { code, stdout } = await npmRunTestLive(['--write', woodgrove], NARROW_APP);
      assert.equal(code, 1, stdout);
      assert.match(stdout, /✗ provisioning +Missing permission AuditLog\.Read\.All/);
      assert.match(
        stdout,
        new RegExp(`✗ write +${woodgrove} is not a partner of this tenant: nothing was written\\.`),
      );
      assert.match(stdout, /✓ partners/);
      assert.match(stdout, /5 checks passed, 2 failed\.\n$/);
    });
  });
});
