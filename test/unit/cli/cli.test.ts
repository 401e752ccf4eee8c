import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { CliFixture, run } from './support';

const { contoso, fabrikam, northwind, woodgrove } = SANDBOX_TENANT_IDS;
const CONTOSO_DIR = 'contoso.onmicrosoft.com';
const PARTNERS = `/policies/crossTenantAccessPolicy/partners`;

describe('cross-tenant CLI against the HTTP sandbox', function () {
  const fx = new CliFixture();
  fx.install();

  /** Exports Contoso into the scratch folder; returns the tenant folder. */
  async function exportContoso(): Promise<string> {
    const result = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.dir);
    assert.equal(result.code, 0, result.stderr);
    return fx.path(CONTOSO_DIR);
  }

  const partnerFile = (partner: string, suffix = 'partner'): string =>
    fx.path(CONTOSO_DIR, 'partners', `${partner}.xta-${suffix}.json`);

  describe('export and validate', () => {
    it('exports a tenant named by a custom domain into its default-domain folder, which then validates (exit 0)', async () => {
      const result = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        /Exported Contoso Group \(2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24\) from the sandbox at http:\/\/127\.0\.0\.1:\d+: 6 files/,
      );
      const files = fs.readdirSync(fx.path(CONTOSO_DIR, 'partners')).sort();
      assert.deepEqual(
        files,
        [
          `${SANDBOX_TENANT_IDS.tailspin}.xta-partner.json`,
          `${fabrikam}.xta-partner.json`,
          `${northwind}.xta-partner.json`,
        ].sort(),
      );
      assert.deepEqual(
        JSON.parse(fx.read(CONTOSO_DIR, 'partners', `${fabrikam}.xta-partner.json`)).inboundTrust,
        {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      );
      assert.match(
        fx.read(CONTOSO_DIR, 'README.md'),
        /^# Cross-tenant access settings of Contoso Group/,
      );

      const validate = await fx.cli('validate', fx.dir);
      assert.equal(validate.code, 0, validate.stdout);
      assert.match(validate.stdout, /5 files checked: 0 errors, 1 warning\./);
      assert.match(
        validate.stdout,
        new RegExp(
          `${northwind}\\.xta-partner\\.json:\\d+:3: warning: Unknown property "crossCloudMeetingConfiguration"`,
        ),
      );
    });

    it('--json: one document on stdout; the identity sync of a target tenant is exported too', async () => {
      const result = await fx.cli('--json', 'export', '--tenant', fabrikam, '--out', fx.dir);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout);
      assert.equal(report.tenantId, fabrikam);
      assert.equal(report.folder, fx.path('fabrikamretail.onmicrosoft.com'));
      assert.deepEqual(
        report.files.map((f: string) => path.relative(fx.dir, f).split(path.sep).join('/')),
        [
          'fabrikamretail.onmicrosoft.com/README.md',
          'fabrikamretail.onmicrosoft.com/policy.xta-policy.json',
          'fabrikamretail.onmicrosoft.com/default.xta-default.json',
          `fabrikamretail.onmicrosoft.com/partners/${contoso}.xta-partner.json`,
          `fabrikamretail.onmicrosoft.com/partners/${contoso}.xta-identitysync.json`,
        ],
      );
      const validate = JSON.parse((await fx.cli('validate', '--json', fx.dir)).stdout);
      assert.deepEqual([validate.ok, validate.errors, validate.files.length], [true, 0, 4]);
    });

    it('validate reports a broken file with its position and exits 1; warnings alone exit 0', async () => {
      const tenantFolder = await exportContoso();
      const file = partnerFile(fabrikam);
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('"isMfaAccepted": true', '"isMfaAccepted": "yes"'),
      );
      const broken = fx.write('{ "displayName": "x", }\n', 'elsewhere', 'policy.xta-policy.json');
      const result = await fx.cli('validate', tenantFolder, broken);
      assert.equal(result.code, 1);
      const line =
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .findIndex((text) => text.includes('"yes"')) + 1;
      assert.match(
        result.stdout,
        new RegExp(`${fabrikam}\\.xta-partner\\.json:${line}:\\d+: error: .*\\[schema-type\\]`),
      );
      assert.match(
        result.stdout,
        /elsewhere\/policy\.xta-policy\.json:1:\d+: error: A property name in double quotes is expected here/,
      );
      assert.match(result.stdout, /6 files checked: 2 errors, 1 warning\./);
    });

    it('validate: a file without a document suffix is an error, a missing path exit 2', async () => {
      const notes = fx.write('{}', 'notes.json');
      const unknown = await fx.cli('validate', notes);
      assert.equal(unknown.code, 1);
      assert.match(
        unknown.stdout,
        /notes\.json: error: Not a policy document: the file name must end in one of \.xta-policy\.json/,
      );
      const missing = await fx.cli('validate', fx.path('nothing-here'));
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nothing-here: no such file or folder\./);
    });
  });

  describe('diff', () => {
    it('exit 0 for an unchanged file, 1 with the change summary and a per-property diff for an edited one', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      const same = await fx.cli('diff', file);
      assert.equal(same.code, 0, same.stderr);
      assert.match(same.stdout, /No differences\./);

      fx.edit(file, (doc) => {
        doc.inboundTrust.isMfaAccepted = false;
        doc.isServiceProvider = true;
      });
      const result = await fx.cli('diff', file);
      assert.equal(result.code, 1, result.stderr);
      const lines = result.stdout.split('\n');
      assert.ok(lines.includes('  Inbound trust, MFA: trusted → not trusted'), result.stdout);
      assert.ok(lines.includes('  Cloud service provider: no → yes'), result.stdout);
      const hunk = lines.indexOf('@@ inboundTrust.isMfaAccepted (inbound trust › MFA)');
      assert.deepEqual(lines.slice(hunk, hunk + 3), [
        '@@ inboundTrust.isMfaAccepted (inbound trust › MFA)',
        '- true',
        '+ false',
      ]);

      const json = JSON.parse((await fx.cli('diff', file, '--json')).stdout);
      assert.deepEqual(
        json.properties.map((p: { path: string[]; live: unknown; file: unknown }) => [
          p.path.join('.'),
          p.live,
          p.file,
        ]),
        [
          ['inboundTrust.isMfaAccepted', true, false],
          ['isServiceProvider', false, true],
        ],
      );
    });

    it('a file outside the export layout cannot be tied to a tenant: exit 2', async () => {
      const file = fx.write('{}', 'policy.xta-policy.json');
      const result = await fx.cli('diff', file);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cannot tell which tenant this is for/);
    });
  });

  describe('push', () => {
    it('without --yes prints the plan, sends nothing and exits 1', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      fx.edit(file, (doc) => (doc.inboundTrust.isCompliantDeviceAccepted = false));
      const result = await fx.cli('push', file);
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stdout,
        /1 change \(PATCH of inboundTrust\):\n {2}Inbound trust, compliant devices: trusted → not trusted\n/,
      );
      assert.match(result.stdout, /Nothing was sent\. Run again with --yes to push\./);
      const live = await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`);
      assert.equal(live.body.inboundTrust.isCompliantDeviceAccepted, true);
    });

    it('--yes sends the minimal PATCH, re-reads, and the sandbox has changed (exit 0); a second push has nothing to do', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      fx.edit(file, (doc) => {
        doc.inboundTrust.isCompliantDeviceAccepted = false;
        doc.automaticUserConsentSettings = null;
      });
      const result = await fx.cli('push', file, '--yes', '--json');
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout);
      assert.deepEqual([report.action, report.pushed, report.remaining], ['update', true, []]);
      assert.deepEqual(report.request, {
        method: 'PATCH',
        body: {
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: false,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
          automaticUserConsentSettings: null,
        },
      });
      const live = await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`);
      assert.deepEqual(live.body.inboundTrust, {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      });
      assert.deepEqual(live.body.automaticUserConsentSettings, {
        inboundAllowed: null,
        outboundAllowed: null,
      });

      const again = await fx.cli('push', file);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /Nothing to push: the tenant already matches the file\./);
    });

    it('a default-settings push names the partners that inherit the change', async () => {
      await exportContoso();
      const file = fx.path(CONTOSO_DIR, 'default.xta-default.json');
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));
      const result = await fx.cli('push', file, '--json');
      assert.equal(result.code, 1);
      // Tailspin leaves inboundTrust null; Fabrikam and Northwind have their own.
      assert.deepEqual(JSON.parse(result.stdout).blastRadius, [
        {
          setting: 'inboundTrust',
          label: 'inbound trust',
          inheritingPartnerIds: [SANDBOX_TENANT_IDS.tailspin],
        },
      ]);
    });

    it('creates a partner the tenant does not have yet (POST) and an identity sync (PUT)', async () => {
      await exportContoso();
      const partner = fx.write(
        `${JSON.stringify({ isServiceProvider: true, inboundTrust: null })}\n`,
        CONTOSO_DIR,
        'partners',
        `${woodgrove}.xta-partner.json`,
      );
      const planned = await fx.cli('push', partner);
      assert.equal(planned.code, 1);
      assert.match(planned.stdout, /The tenant does not have it yet: POST creates it with:/);
      assert.equal((await fx.graph(contoso, 'GET', `${PARTNERS}/${woodgrove}`)).status, 404);

      assert.equal((await fx.cli('push', partner, '--yes')).code, 0);
      assert.equal(
        (await fx.graph(contoso, 'GET', `${PARTNERS}/${woodgrove}`)).body.isServiceProvider,
        true,
      );

      const sync = fx.write(
        `${JSON.stringify({ displayName: 'Woodgrove Bank', userSyncInbound: { isSyncAllowed: true } })}\n`,
        CONTOSO_DIR,
        'partners',
        `${woodgrove}.xta-identitysync.json`,
      );
      const created = await fx.cli('push', sync, '--yes', '--json');
      assert.equal(created.code, 0, created.stderr);
      assert.deepEqual(JSON.parse(created.stdout).request.method, 'PUT');
      assert.deepEqual(
        (await fx.graph(contoso, 'GET', `${PARTNERS}/${woodgrove}/identitySynchronization`)).body
          .userSyncInbound,
        { isSyncAllowed: true },
      );
    });

    it('refuses a document with errors (exit 2) and sends nothing', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      fx.edit(file, (doc) => (doc.inboundTrust.isMfaAccepted = 'sometimes'));
      const result = await fx.cli('push', file, '--yes');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /error: .*\[schema-type\]/);
      assert.match(result.stderr, /has 1 error: nothing was pushed/);
      assert.equal(
        (await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`)).body.inboundTrust.isMfaAccepted,
        true,
      );
    });

    it('a Graph error prints its summary and exits 2 (identity sync for a partner that does not exist)', async () => {
      await exportContoso();
      const sync = fx.write(
        `${JSON.stringify({ userSyncInbound: { isSyncAllowed: true } })}\n`,
        CONTOSO_DIR,
        'partners',
        `${woodgrove}.xta-identitysync.json`,
      );
      const result = await fx.cli('push', sync, '--yes', '--json');
      assert.equal(result.code, 2);
      assert.match(result.stderr, new RegExp(`^cross-tenant: .*tenant ${contoso}`));
      assert.equal(
        JSON.parse(result.stdout).error,
        result.stderr.replace(/^cross-tenant: /, '').trim(),
      );
    });
  });

  describe('drift', () => {
    it('exit 0 right after an export, 1 once the tenant changed behind it, with the place in the file', async () => {
      const folder = await exportContoso();
      const clean = await fx.cli('drift', fx.dir);
      assert.equal(clean.code, 0, clean.stderr + clean.stdout);
      assert.match(
        clean.stdout,
        /no drift \(5 files match tenant 2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24\)/,
      );

      const patched = await fx.graph(contoso, 'PATCH', `${PARTNERS}/${fabrikam}`, {
        inboundTrust: {
          isMfaAccepted: false,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      });
      assert.equal(patched.status, 204);
      const created = await fx.graph(contoso, 'POST', PARTNERS, { tenantId: woodgrove });
      assert.equal(created.status, 201);

      const result = await fx.cli('drift', folder);
      assert.equal(result.code, 1);
      const file = partnerFile(fabrikam);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((text) => text.includes('"isMfaAccepted"'));
      const column = lines[line].indexOf('true') + 1;
      assert.ok(
        result.stdout.includes(
          `${file}:${line + 1}:${column}: inbound trust › MFA: file says true, tenant has false\n`,
        ),
        result.stdout,
      );
      assert.ok(
        result.stdout.includes(
          `${partnerFile(woodgrove)}: Partner configuration ${woodgrove} is in the tenant but has no file\n`,
        ),
        result.stdout,
      );
      assert.match(result.stdout, /2 differences from tenant/);

      const json = JSON.parse((await fx.cli('drift', folder, '--json')).stdout);
      assert.equal(json.drift, true);
      assert.deepEqual(json.entries[0].path, ['inboundTrust', 'isMfaAccepted']);
      assert.deepEqual([json.entries[0].fileValue, json.entries[0].liveValue], [true, false]);
    });

    it('exit 2 for a folder that does not exist, holds no export, or has a file that does not parse', async () => {
      const missing = await fx.cli('drift', fx.path('missing'));
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /missing: not a folder/);
      const empty = await fx.cli('drift', fx.dir);
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /no exported files/);
      await exportContoso();
      fx.write('{ "displayName": ', CONTOSO_DIR, 'policy.xta-policy.json');
      const broken = await fx.cli('drift', fx.dir, '--json');
      assert.equal(broken.code, 2);
      assert.match(JSON.parse(broken.stdout).error, /policy\.xta-policy\.json:1:\d+: /);
    });
  });

  describe('usage', () => {
    it('--help prints the usage and exits 0; no command or a bad option exits 2', async () => {
      const help = await run(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: cross-tenant <command> \[options\]/);
      for (const argv of [
        [],
        ['push'],
        ['frob'],
        ['drift', '--tenant', 'x', fx.dir],
        ['export', '--tenant'],
        ['--cloud', 'mars', 'drift', '.'],
      ]) {
        const result = await run(argv);
        assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
        assert.notEqual(result.stderr, '');
      }
    });

    it('without --sandbox and without credentials in the environment: exit 2 naming the variables, before any request', async () => {
      await exportContoso();
      const result = await run(['drift', fx.dir], {});
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /No credentials: set AZURE_CLIENT_ID and one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE/,
      );
    });

    it('an unreachable sandbox is named in the error', async () => {
      const result = await run([
        '--sandbox',
        'http://127.0.0.1:9',
        'export',
        '--tenant',
        'contoso.com',
        '--out',
        fx.dir,
      ]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Cannot reach the sandbox at http:\/\/127\.0\.0\.1:9/);
    });
  });
});
