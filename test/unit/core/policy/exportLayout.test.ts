import assert from 'node:assert/strict';
import type { Partner } from '../../../../src/core/graph/types';
import { toCanonicalText } from '../../../../src/core/policy/canonical';
import { DOCUMENT_KINDS } from '../../../../src/core/policy/documentKinds';
import {
  exportFiles,
  exportFolderName,
  readExportedFile,
  type ExportFile,
  type ExportInput,
} from '../../../../src/core/policy/exportLayout';
import { SANDBOX_TENANTS } from '../../../../src/sandbox';
import { seededCrossTenantAccess } from '../../../../src/sandbox/seed/crossTenantAccess';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const FABRIKAM = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const NORTHWIND = 'c93d2a71-5e8f-4b14-a6d0-3f7b9e2c1d85';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';

const all = (
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: 'user' | 'application',
) => ({ accessType, targets: [{ target, targetType }] });

/** Contoso as the sandbox seeds it: three partners, one with a property outside the v1.0 metadata, one identity sync. */
function contosoInput(): ExportInput {
  return {
    tenant: {
      tenantId: CONTOSO,
      displayName: 'Contoso Group',
      defaultDomain: 'contoso.onmicrosoft.com',
    },
    policy: {
      id: 'ad1c4a02-93a5-4e4b-9e2b-0f8c4b0f3d11',
      displayName: 'CrossTenantAccessPolicy',
      description: 'Cross-tenant access policy',
      allowedCloudEndpoints: [],
    },
    defaults: {
      id: 'aaaaaaaa-0000-0000-0000-000000000000',
      isServiceDefault: false,
      inboundTrust: {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
      b2bCollaborationInbound: {
        usersAndGroups: all('allowed', 'AllUsers', 'user'),
        applications: all('allowed', 'AllApplications', 'application'),
      },
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
    },
    partners: [
      {
        partner: {
          tenantId: TAILSPIN,
          isServiceProvider: false,
          automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: true },
        },
        displayName: 'Tailspin Toys',
        defaultDomainName: 'tailspintoys.onmicrosoft.com',
      },
      {
        partner: {
          tenantId: NORTHWIND,
          isServiceProvider: false,
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: false,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
          b2bDirectConnectOutbound: {
            usersAndGroups: all('allowed', 'AllUsers', 'user'),
            applications: all('allowed', 'AllApplications', 'application'),
          },
          crossCloudMeetingConfiguration: { inboundAllowed: false, outboundAllowed: false },
        } as Partner,
        displayName: 'Northwind Traders',
        defaultDomainName: 'northwindtraders.onmicrosoft.com',
      },
      {
        partner: {
          tenantId: FABRIKAM,
          isServiceProvider: false,
          isInMultiTenantOrganization: true,
          automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
          identitySynchronization: {
            tenantId: FABRIKAM,
            displayName: 'Fabrikam Retail',
            userSyncInbound: { isSyncAllowed: true },
          },
        },
        displayName: 'Fabrikam Retail',
        defaultDomainName: 'fabrikamretail.onmicrosoft.com',
      },
    ],
    exportedAt: new Date('2025-03-14T09:26:53.123Z'),
  };
}

/** The same JSON value with every object's keys in reverse order, as another read might send them. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  ) as T;
}

/** The files people read: the README and the documents, without their bases in `.xta-base/`. */
function documentsOf(input: ExportInput): ExportFile[] {
  return exportFiles(input).filter((file) => !file.base);
}

describe('export layout', () => {
  it('keeps, for each document, its base in .xta-base/ with the same text, and nothing else there', () => {
    const files = exportFiles(contosoInput());
    const bases = files.filter((file) => file.base);
    const documents = files.filter((file) => !file.base && !file.path.endsWith('README.md'));
    assert.deepEqual(
      bases.map((file) => file.path),
      documents.map((file) =>
        file.path
          .replace('contoso.onmicrosoft.com/', 'contoso.onmicrosoft.com/.xta-base/')
          .replace(/\.json$/, '.base.json'),
      ),
    );
    assert.deepEqual(
      bases.map((file) => file.text),
      documents.map((file) => file.text),
    );
    // Nothing that looks for documents by suffix (validate, drift, the schemas) takes a base for one.
    for (const base of bases) assert.equal(readExportedFile(base.path, base.text), undefined);
    assert.match(files[0].text, /## The `\.xta-base\/` folder/);
  });

  it('writes the README, the policy, the default, and each partner and identity sync, ordered by partner tenant id', () => {
    const paths = documentsOf(contosoInput()).map((file) => file.path);
    assert.deepEqual(paths, [
      'contoso.onmicrosoft.com/README.md',
      'contoso.onmicrosoft.com/policy.xta-policy.json',
      'contoso.onmicrosoft.com/default.xta-default.json',
      `contoso.onmicrosoft.com/partners/${TAILSPIN}.xta-partner.json`,
      `contoso.onmicrosoft.com/partners/${FABRIKAM}.xta-partner.json`,
      `contoso.onmicrosoft.com/partners/${FABRIKAM}.xta-identitysync.json`,
      `contoso.onmicrosoft.com/partners/${NORTHWIND}.xta-partner.json`,
    ]);
  });

  it('writes each document as its canonical text', () => {
    const input = contosoInput();
    const files = new Map(documentsOf(input).map((file) => [file.path, file.text]));
    assert.equal(
      files.get('contoso.onmicrosoft.com/policy.xta-policy.json'),
      '{\n  "description": "Cross-tenant access policy",\n  "displayName": "CrossTenantAccessPolicy",\n  "allowedCloudEndpoints": []\n}\n',
    );
    assert.equal(
      files.get('contoso.onmicrosoft.com/default.xta-default.json'),
      toCanonicalText('default', input.defaults),
    );
    assert.equal(
      files.get(`contoso.onmicrosoft.com/partners/${FABRIKAM}.xta-partner.json`),
      '{\n  "automaticUserConsentSettings": {\n    "inboundAllowed": false,\n    "outboundAllowed": true\n  },\n  "isServiceProvider": false\n}\n',
    );
    assert.equal(
      files.get(`contoso.onmicrosoft.com/partners/${FABRIKAM}.xta-identitysync.json`),
      '{\n  "displayName": "Fabrikam Retail",\n  "userSyncInbound": {\n    "isSyncAllowed": true\n  }\n}\n',
    );
    // A property outside the v1.0 metadata is kept, after the known ones.
    assert.match(
      files.get(`contoso.onmicrosoft.com/partners/${NORTHWIND}.xta-partner.json`)!,
      /"isServiceProvider": false,\n {2}"crossCloudMeetingConfiguration": \{/,
    );
  });

  it('gives byte-identical files for the same input, whatever order partners and keys arrive in', () => {
    const first = exportFiles(contosoInput());
    const shuffled = contosoInput();
    const again = exportFiles({
      ...reversedKeys(shuffled),
      exportedAt: shuffled.exportedAt,
      partners: [...reversedKeys(shuffled.partners)].reverse(),
    });
    assert.deepEqual(again, first);
    assert.deepEqual(exportFiles(contosoInput()), first);
  });

  it('takes the identity sync given beside the partner over none', () => {
    const input = contosoInput();
    const withSync: ExportInput = {
      ...input,
      partners: input.partners.map((entry) =>
        entry.partner.tenantId === TAILSPIN
          ? {
              ...entry,
              identitySync: {
                tenantId: TAILSPIN,
                displayName: 'Contoso Group',
                userSyncInbound: { isSyncAllowed: false },
              },
            }
          : entry,
      ),
    };
    const file = exportFiles(withSync).find((f) =>
      f.path.endsWith(`${TAILSPIN}.xta-identitysync.json`),
    );
    assert.equal(
      file?.text,
      '{\n  "displayName": "Contoso Group",\n  "userSyncInbound": {\n    "isSyncAllowed": false\n  }\n}\n',
    );
  });

  describe('folder name', () => {
    const cases: ReadonlyArray<
      [string, Parameters<typeof exportFolderName>[0], string | undefined, string]
    > = [
      [
        'the default domain, lower-cased',
        { tenantId: CONTOSO, defaultDomain: 'Contoso.OnMicrosoft.com' },
        undefined,
        'contoso.onmicrosoft.com',
      ],
      [
        'without a trailing dot or spaces',
        { tenantId: CONTOSO, defaultDomain: ' contoso.com. ' },
        undefined,
        'contoso.com',
      ],
      [
        'an internationalised domain in punycode',
        { tenantId: CONTOSO, defaultDomain: 'bücher.example' },
        undefined,
        'xn--bcher-kva.example',
      ],
      ['the tenant id without a domain', { tenantId: CONTOSO.toUpperCase() }, undefined, CONTOSO],
      [
        'the tenant id when the domain is not a DNS name',
        { tenantId: CONTOSO, defaultDomain: '../../etc' },
        undefined,
        CONTOSO,
      ],
      [
        'the tenant id for an empty domain',
        { tenantId: CONTOSO, defaultDomain: '' },
        undefined,
        CONTOSO,
      ],
      // Issue 14, defect 13: Windows takes these for devices, whatever follows the first dot.
      [
        'the tenant id when the domain is a Windows device name with an extension',
        { tenantId: CONTOSO, defaultDomain: 'con.txt' },
        undefined,
        CONTOSO,
      ],
      [
        'the tenant id for another device name',
        { tenantId: CONTOSO, defaultDomain: 'AUX.contoso.com' },
        undefined,
        CONTOSO,
      ],
      [
        'the name given',
        { tenantId: CONTOSO, defaultDomain: 'contoso.onmicrosoft.com' },
        'Contoso.com',
        'contoso.com',
      ],
    ];
    for (const [name, tenant, given, expected] of cases) {
      it(name, () => assert.equal(exportFolderName(tenant, given), expected));
    }

    it('refuses a given name that is not a tenant id or domain, and a tenant without either', () => {
      assert.throws(
        () => exportFolderName({ tenantId: CONTOSO }, 'my exports/contoso'),
        /tenant id or a domain name/,
      );
      assert.throws(
        () => exportFolderName({ tenantId: CONTOSO }, 'exports/contoso.com'),
        /tenant id or a domain name/,
      );
      assert.throws(
        () => exportFolderName({ tenantId: CONTOSO }, 'exports\\contoso.com'),
        /tenant id or a domain name/,
      );
      assert.throws(() => exportFolderName({ tenantId: 'not-a-guid', defaultDomain: 'x' }), /GUID/);
    });

    it('puts every file in the folder', () => {
      const files = exportFiles({ ...contosoInput(), folderName: CONTOSO });
      assert.ok(files.every((file) => file.path.startsWith(`${CONTOSO}/`)));
    });
  });

  it('refuses two partners with the same tenant id rather than overwrite one file with another', () => {
    const input = contosoInput();
    const twice = {
      ...input,
      partners: [...input.partners, { partner: { tenantId: FABRIKAM.toUpperCase() } }],
    };
    assert.throws(() => exportFiles(twice), /listed twice/);
  });

  describe('README', () => {
    const files = documentsOf(contosoInput());
    const readme = files[0].text;
    const tableRows = readme.split('\n').filter((line) => line.startsWith('| `'));

    it('says which tenant it is and when it was exported', () => {
      assert.match(readme, /^# Cross-tenant access settings of Contoso Group$/m);
      assert.ok(readme.includes('on 2025-03-14 09:26:53 UTC'));
      assert.ok(readme.includes(`tenant id \`${CONTOSO}\``));
      assert.ok(readme.includes('default domain `contoso.onmicrosoft.com`'));
    });

    it("lists every file written, in a table, with the partner's name and domain", () => {
      const listed = tableRows.map((row) => /^\| `([^`]+)`/.exec(row)![1]);
      assert.deepEqual(
        listed.map((path) => `contoso.onmicrosoft.com/${path}`),
        files.map((file) => file.path),
      );
      const fabrikamRow = tableRows.find((row) =>
        row.startsWith(`| \`partners/${FABRIKAM}.xta-partner.json\``),
      )!;
      assert.match(
        fabrikamRow,
        /Fabrikam Retail, `fabrikamretail\.onmicrosoft\.com`, tenant `7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58` \|$/,
      );
      assert.match(
        tableRows.find((row) => row.includes('.xta-identitysync.json'))!,
        /Identity synchronization/,
      );
      assert.ok(
        tableRows.every((row) => row.split(/(?<!\\)\|/).length === 5),
        'three cells per row',
      );
    });

    it('explains the suffixes, null, and how to push a file back', () => {
      for (const kind of ['policy', 'default', 'partner', 'identitySync'] as const)
        assert.ok(readme.includes(`- \`${DOCUMENT_KINDS[kind].suffix}\`: `), kind);
      assert.match(readme, /validates each file against the extension's JSON schema/);
      assert.match(
        readme,
        /## What `null` means\n\nIn a partner file, `null` \(or a setting left out\) does not mean "off": the partner inherits that setting from the default settings/,
      );
      assert.match(readme, /\*\*Cross-Tenant: Push to Tenant\*\*/);
      assert.match(
        readme,
        /Pushing a file to a tenant other than the one it was exported from asks for confirmation/,
      );
    });

    it('escapes names from Graph, and says so when a partner has none', () => {
      const input = contosoInput();
      const hostile: ExportInput = {
        ...input,
        tenant: {
          ...input.tenant,
          displayName: 'Contoso <img src=x onerror=alert(1)>\n# injected',
        },
        partners: [
          {
            partner: { tenantId: FABRIKAM },
            displayName: '[x](javascript:alert(1)) | cell',
            defaultDomainName: 'evil`|.example',
          },
          { partner: { tenantId: TAILSPIN } },
        ],
      };
      const text = exportFiles(hostile)[0].text;
      // Every < [ ] ( is escaped, and the line break is gone: no HTML, no link, no heading.
      assert.ok(!/(?<!\\)[<[\]()]/.test(text.split('## Files')[0].split('\n')[0]), 'title');
      assert.ok(!/(?<!\\)<img|(?<!\\)\]\(javascript|^# injected/m.test(text));
      assert.ok(text.includes('Contoso \\<img src\\=x onerror\\=alert\\(1\\)\\> \\# injected'));
      const row = text.split('\n').find((line) => line.startsWith(`| \`partners/${FABRIKAM}`))!;
      assert.equal(row.split(/(?<!\\)\|/).length, 5, row);
      assert.ok(
        row.includes('\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| cell, evil\\`\\|\\.example'),
      );
      assert.match(text, new RegExp(`Name unknown; tenant \`${TAILSPIN}\``));
    });
  });

  describe('reading an exported file back', () => {
    const input = contosoInput();
    for (const file of documentsOf(input).slice(1)) {
      it(`round-trips ${file.path}`, () => {
        const read = readExportedFile(file.path, file.text)!;
        assert.deepEqual(read.diagnostics, []);
        assert.ok(read.value);
        assert.equal(read.identity.tenant, 'contoso.onmicrosoft.com');
        assert.equal(read.kind, read.identity.kind);
        // The object it gives back is the one exported, minus what canonical text drops, plus the keys the path carries.
        assert.equal(toCanonicalText(read.kind, read.value), file.text);
        if (read.kind === 'partner' || read.kind === 'identitySync') {
          assert.equal(read.value.tenantId, read.identity.partnerTenantId);
          assert.ok(file.path.includes(read.value.tenantId as string));
        }
      });
    }

    it('finds the same files under a parent folder and with Windows separators', () => {
      const read = readExportedFile(
        `repo\\policies\\contoso.onmicrosoft.com\\partners\\${FABRIKAM.toUpperCase()}.xta-partner.json`,
        '{"isServiceProvider": true}',
      );
      assert.deepEqual(read, {
        identity: { kind: 'partner', tenant: 'contoso.onmicrosoft.com', partnerTenantId: FABRIKAM },
        kind: 'partner',
        value: { isServiceProvider: true, tenantId: FABRIKAM },
        diagnostics: [],
      });
    });

    it("puts the path's tenant id over one typed in the text", () => {
      const read = readExportedFile(
        `contoso.com/partners/${FABRIKAM}.xta-identitysync.json`,
        `{"tenantId": "${TAILSPIN}", "userSyncInbound": {"isSyncAllowed": true}}`,
      );
      assert.equal(read?.value?.tenantId, FABRIKAM);
    });

    it('reports text that is not JSON, and ignores files outside the layout', () => {
      const broken = readExportedFile(
        'contoso.com/default.xta-default.json',
        '{ "inboundTrust": }',
      );
      assert.equal(broken?.value, undefined);
      assert.equal(broken?.diagnostics[0]?.code, 'syntax');
      assert.equal(readExportedFile('contoso.com/README.md', '# x'), undefined);
      assert.equal(
        readExportedFile('contoso.com/partners/fabrikam.xta-partner.json', '{}'),
        undefined,
      );
    });
  });

  it('exports every sandbox tenant: one file per document, each read back to its canonical text', () => {
    for (const tenant of SANDBOX_TENANTS) {
      const snapshot = seededCrossTenantAccess(tenant);
      const files = documentsOf({
        tenant: {
          tenantId: tenant.tenantId,
          displayName: tenant.displayName,
          defaultDomain: tenant.defaultDomainName,
        },
        policy: snapshot.policy,
        defaults: snapshot.defaultConfiguration,
        partners: snapshot.partners.map((partner) => ({
          partner: partner as unknown as Partner,
          identitySync: (snapshot.identitySynchronization.find(
            (sync) => sync.tenantId === partner.tenantId,
          ) ?? null) as never,
        })),
        exportedAt: new Date(0),
      });
      const expectedCount = 3 + snapshot.partners.length + snapshot.identitySynchronization.length;
      assert.equal(files.length, expectedCount, tenant.displayName);
      assert.equal(new Set(files.map((file) => file.path)).size, files.length);
      for (const file of files.slice(1)) {
        const read = readExportedFile(file.path, file.text);
        assert.ok(read?.value, file.path);
        assert.equal(toCanonicalText(read.kind, read.value), file.text, file.path);
        assert.ok(
          files[0].text.includes(`| \`${file.path.slice(tenant.defaultDomainName.length + 1)}\` |`),
          `README lists ${file.path}`,
        );
      }
    }
  });
});
