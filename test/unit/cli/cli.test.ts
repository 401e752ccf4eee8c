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
      // A property Graph returns outside the v1.0 metadata is a hint, nothing to fix.
      assert.match(validate.stdout, /5 files checked: 0 errors, 0 warnings\./);
      assert.match(
        validate.stdout,
        new RegExp(
          `${northwind}\\.xta-partner\\.json:\\d+:3: info: "crossCloudMeetingConfiguration" is not in Graph's v1\\.0 metadata, but Graph returns it`,
        ),
      );
      // A property typed by hand that Graph does not know is a warning, and warnings alone exit 0.
      fx.edit(partnerFile(northwind), (doc) => (doc.isServiceProvder = true));
      const warned = await fx.cli('validate', fx.dir);
      assert.equal(warned.code, 0, warned.stdout);
      assert.match(warned.stdout, /warning: Unknown property "isServiceProvder"/);
      assert.match(warned.stdout, /5 files checked: 0 errors, 1 warning\./);
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
      assert.match(result.stdout, /6 files checked: 2 errors, 0 warnings\./);
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

    it('a default setting written as null or removed is an error, and nothing is sent (the default cannot inherit)', async () => {
      await exportContoso();
      const file = fx.path(CONTOSO_DIR, 'default.xta-default.json');
      const before = await fx.graph(contoso, 'GET', '/policies/crossTenantAccessPolicy/default');
      const exported = fx.read(CONTOSO_DIR, 'default.xta-default.json');
      fx.edit(file, (doc) => (doc.inboundTrust = null));
      const validated = await fx.cli('validate', file);
      assert.equal(validated.code, 1);
      assert.match(
        validated.stdout + validated.stderr,
        /`inboundTrust`: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\./,
      );
      const nulled = await fx.cli('push', file, '--yes');
      assert.equal(nulled.code, 2, nulled.stdout);
      assert.match(
        nulled.stderr,
        /error: `inboundTrust`: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\. \[default-cannot-inherit\]\n.*nothing was pushed/,
      );

      // Left out: only live knows it was there, so validate has nothing to say, but push refuses.
      fx.write(exported, CONTOSO_DIR, 'default.xta-default.json');
      fx.edit(file, (doc) => delete doc.b2bDirectConnectInbound);
      const removed = await fx.cli('push', file, '--yes');
      assert.equal(removed.code, 2, removed.stdout);
      assert.match(
        removed.stderr,
        /:1:1: error: `b2bDirectConnectInbound` was removed: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\. \[default-cannot-inherit\]\n.*nothing was pushed/,
      );
      const after = await fx.graph(contoso, 'GET', '/policies/crossTenantAccessPolicy/default');
      assert.deepEqual(after.body, before.body);
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

  // Issue 14, defect 2: an exported file carries the live version it came from (.xta-base/), so a
  // push tells the user's edit from a colleague's change made in the tenant since.
  describe('push after the tenant changed since the export', () => {
    const baseOf = (partner: string): string =>
      fx.path(CONTOSO_DIR, '.xta-base', 'partners', `${partner}.xta-partner.base.json`);
    const inboundTrust = async (): Promise<Record<string, boolean>> =>
      (await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`)).body.inboundTrust as Record<
        string,
        boolean
      >;
    /** A colleague, in the admin center: MFA from Fabrikam is no longer trusted. */
    const colleagueDistrustsMfa = async (): Promise<void> => {
      const patched = await fx.graph(contoso, 'PATCH', `${PARTNERS}/${fabrikam}`, {
        inboundTrust: {
          isMfaAccepted: false,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      });
      assert.equal(patched.status, 204);
    };

    it("keeps the colleague's change: the file's own edit goes on top, the file then holds both", async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      await colleagueDistrustsMfa();
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));

      const result = await fx.cli('push', file, '--yes', '--json');
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout);
      assert.equal(report.liveSinceExport, 'moved');
      assert.equal(report.rebased, true);
      assert.deepEqual(report.request.body, {
        inboundTrust: {
          isMfaAccepted: false,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: true,
        },
      });
      assert.deepEqual(await inboundTrust(), {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: true,
      });
      // The file and its base now both say what the tenant holds: a second push has nothing to do.
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).inboundTrust.isMfaAccepted, false);
      assert.equal(
        JSON.parse(fs.readFileSync(baseOf(fabrikam), 'utf8')).inboundTrust
          .isHybridAzureADJoinedDeviceAccepted,
        true,
      );
      const again = await fx.cli('push', file, '--yes');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Nothing to push/);
    });

    it('prints what changed in the tenant before the plan, and a dry run writes nothing', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      await colleagueDistrustsMfa();
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));
      const before = fs.readFileSync(file, 'utf8');
      const result = await fx.cli('push', file);
      assert.equal(result.code, 1, result.stderr);
      const lines = result.stdout.split('\n');
      const changed = lines.findIndex((line) =>
        /^The tenant changed since the file was exported; your edits go on top/.test(line),
      );
      assert.ok(changed > 0, result.stdout);
      assert.match(lines[changed + 1], /^ {2}Inbound trust, MFA: trusted → not trusted$/i);
      assert.match(result.stdout, /Nothing was sent/);
      assert.equal(fs.readFileSync(file, 'utf8'), before);
    });

    it('refuses when both changed the same setting (exit 2), names it with the three values, sends nothing', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      const patched = await fx.graph(contoso, 'PATCH', `${PARTNERS}/${fabrikam}`, {
        automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true },
      });
      assert.equal(patched.status, 204);
      fx.edit(file, (doc) => (doc.automaticUserConsentSettings.inboundAllowed = null));

      const result = await fx.cli('push', file, '--yes');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /the tenant changed since the file was exported; both changed:/);
      assert.match(
        result.stderr,
        /automatic redemption › inbound: exported false, the tenant now true, the file null/,
      );
      assert.match(
        result.stderr,
        /nothing was pushed: someone changed a setting you edited\. Export again and redo your edit, or overwrite the tenant's value with --force\./,
      );
      const live = await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`);
      assert.equal(live.body.automaticUserConsentSettings.inboundAllowed, true);
    });

    it('--force pushes the file as it stands and says which changes of the tenant it overwrites', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      await colleagueDistrustsMfa();
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));
      const result = await fx.cli('push', file, '--yes', '--force');
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        /--force: these changes made in the tenant since the file was exported are overwritten:\n {2}Inbound trust, MFA: trusted → not trusted/i,
      );
      assert.deepEqual(await inboundTrust(), {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: true,
      });
    });

    it('a file with no recorded export version is refused unless --force, which then records one', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      fs.rmSync(fx.path(CONTOSO_DIR, '.xta-base'), { recursive: true });
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));
      const refused = await fx.cli('push', file, '--yes');
      assert.equal(refused.code, 2);
      assert.match(
        refused.stderr,
        /nothing was pushed: there is no record of the version it was exported from \(.*\.xta-base.*\.xta-partner\.base\.json\)/,
      );
      assert.equal((await inboundTrust()).isHybridAzureADJoinedDeviceAccepted, false);

      const forced = await fx.cli('push', file, '--yes', '--force');
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal((await inboundTrust()).isHybridAzureADJoinedDeviceAccepted, true);
      // The push recorded what the tenant now holds: the next one is guarded again.
      assert.ok(fs.existsSync(baseOf(fabrikam)));
    });

    it('a partner removed from the tenant since the export is not created again without --force', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      assert.equal((await fx.graph(contoso, 'DELETE', `${PARTNERS}/${fabrikam}`)).status, 204);
      const refused = await fx.cli('push', file, '--yes');
      assert.equal(refused.code, 2);
      assert.match(
        refused.stderr,
        /was removed from the tenant since the file was exported\. Create it again with --force\./,
      );
      assert.equal((await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`)).status, 404);
      const forced = await fx.cli('push', file, '--yes', '--force');
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal((await fx.graph(contoso, 'GET', `${PARTNERS}/${fabrikam}`)).status, 200);
    });

    it('a symbolic link in place of a base is not written through', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      const outside = fx.path('outside.json');
      fs.writeFileSync(outside, 'untouched');
      fs.rmSync(baseOf(fabrikam));
      fs.symlinkSync(outside, baseOf(fabrikam));
      fx.edit(file, (doc) => (doc.inboundTrust.isHybridAzureADJoinedDeviceAccepted = true));
      const result = await fx.cli('push', file, '--yes', '--force');
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /pushed, but its export record could not be updated \(.*symbolic link/,
      );
      assert.equal(fs.readFileSync(outside, 'utf8'), 'untouched');
    });
  });

  describe('large files and byte order marks (issue 14, defect 11)', () => {
    /** A partner document that trusts `count` users by id: about 70 bytes per target. */
    const manyTargets = (count: number): string =>
      `${JSON.stringify(
        {
          b2bCollaborationInbound: {
            usersAndGroups: {
              accessType: 'allowed',
              targets: Array.from({ length: count }, (_, i) => ({
                target: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
                targetType: 'user',
              })),
            },
            applications: {
              accessType: 'allowed',
              targets: [{ target: 'AllApplications', targetType: 'application' }],
            },
          },
        },
        null,
        2,
      )}\n`;

    it('a document over 25 KB on its own is an error (exit 1), even without the rest of the policy', async () => {
      const file = fx.write(
        manyTargets(500),
        CONTOSO_DIR,
        'partners',
        `${woodgrove}.xta-partner.json`,
      );
      const result = await fx.cli('validate', file);
      assert.equal(result.code, 1, result.stdout);
      assert.match(
        result.stdout,
        /:1:1: error: This document alone is about \d+\.\d KB, over Graph's 25 KB limit .* Graph refuses it\..* \[policy-size\]/,
      );
    });

    it('a 50 MB file is refused in one line before it is read (exit 2)', async () => {
      const file = fx.path(CONTOSO_DIR, 'partners', `${woodgrove}.xta-partner.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 50 * 1024 * 1024);
      for (const command of ['validate', 'push']) {
        const result = await fx.cli(command, file);
        assert.equal(result.code, 2, command);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(
          result.stderr,
          /50\.0 MB is far more than a cross-tenant document can hold .*; not read\./,
        );
      }
    });

    it('a byte order mark is not an error, and the push is the same as without it', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      fx.edit(file, (doc) => (doc.inboundTrust.isCompliantDeviceAccepted = false));
      fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
      const validate = await fx.cli('validate', file);
      assert.equal(validate.code, 0, validate.stdout);
      const result = await fx.cli('push', file, '--yes', '--json');
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).request.body.inboundTrust, {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      });
    });

    it('the plan of a huge change prints bounded lines, and --json still has all of it', async () => {
      await exportContoso();
      const file = partnerFile(fabrikam);
      const big = JSON.parse(manyTargets(300)) as { b2bCollaborationInbound: unknown };
      fx.edit(file, (doc) => (doc.b2bCollaborationInbound = big.b2bCollaborationInbound));
      const text = await fx.cli('push', file);
      assert.equal(text.code, 1, text.stderr);
      const listed = text.stdout.split('\n').filter((line) => line.startsWith('  '));
      for (const line of listed) assert.ok([...line].length <= 2 + 240, line);
      const targets = listed.find((line) => line.includes('users and groups, targets'))!;
      assert.match(targets, /inherited → user 00000000…, .*…$/);
      const json = JSON.parse((await fx.cli('push', file, '--json')).stdout);
      const full = json.changes.find((line: string) => line.includes('users and groups, targets'));
      assert.equal(full.match(/user /g).length, 300);
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
