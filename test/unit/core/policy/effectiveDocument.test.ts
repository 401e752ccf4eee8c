import assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import {
  effectivePartner,
  INHERITABLE_SETTINGS,
} from '../../../../src/core/graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import {
  effectiveDocumentText,
  type EffectiveDocumentNames,
} from '../../../../src/core/policy/effectiveDocument';

const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';

const targets = (
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: 'user' | 'group' | 'application',
) => ({ accessType, targets: [{ target, targetType }] });

/** A customised default (as the sandbox's Contoso has), without tenant restrictions or the newer inbound settings. */
const defaults: DefaultConfiguration = {
  isServiceDefault: false,
  inboundTrust: {
    isMfaAccepted: true,
    isCompliantDeviceAccepted: false,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
  b2bCollaborationInbound: {
    usersAndGroups: targets('allowed', 'AllUsers', 'user'),
    applications: targets('allowed', 'AllApplications', 'application'),
  },
  b2bCollaborationOutbound: {
    usersAndGroups: targets('allowed', 'AllUsers', 'user'),
    applications: targets('allowed', 'AllApplications', 'application'),
  },
  b2bDirectConnectInbound: {
    usersAndGroups: targets('blocked', 'AllUsers', 'user'),
    applications: targets('blocked', 'AllApplications', 'application'),
  },
  b2bDirectConnectOutbound: {
    usersAndGroups: targets('blocked', 'AllUsers', 'user'),
    applications: targets('blocked', 'AllApplications', 'application'),
  },
  m365CollaborationOutbound: { usersAndGroups: targets('allowed', 'AllUsers', 'user') },
};

/** The top-level order the partner document uses (graph-types.md, CSDL order). */
const CANONICAL_ORDER = [
  'appServiceConnectInbound',
  'automaticUserConsentSettings',
  'b2bCollaborationInbound',
  'b2bCollaborationOutbound',
  'b2bDirectConnectInbound',
  'b2bDirectConnectOutbound',
  'inboundTrust',
  'm365CollaborationInbound',
  'm365CollaborationOutbound',
  'tenantRestrictions',
];

const INHERITED = 'inherited from the default settings (the partner leaves it null)';
const NOWHERE = "not set anywhere: Microsoft's behaviour applies";
const OWN = 'set on this partner';

function parseStrict(text: string): unknown {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, [], 'the effective document must parse without errors');
  return value;
}

/** The lines of the top-level member `key`, from its `"key":` line to its last line. */
function memberLines(text: string, key: string): string[] {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith(`  ${JSON.stringify(key)}: `));
  assert.ok(first > 0, `no top-level member ${key}`);
  let last = first;
  if (!/[[{],?$/.test(lines[first].replace(/ \/\/.*$/, '')))
    return [lines[first - 1], lines[first]];
  while (!/^ {2}[}\]],?$/.test(lines[last])) last++;
  // With the comment line before the member.
  return lines.slice(first - 1, last + 1);
}

/** The `//` comment on the line before the top-level member `key`. */
function commentOf(text: string, key: string): string {
  const [comment] = memberLines(text, key);
  const match = /^ {2}\/\/ (.*)$/.exec(comment);
  assert.ok(match, `no comment before ${key}: ${comment}`);
  return match[1];
}

/** The fields of the top-level member `key` whose line ends in `// inherited`. */
function markedInherited(text: string, key: string): string[] {
  return memberLines(text, key)
    .map((line) => /^ {4}"([^"]+)": .*\/\/ inherited$/.exec(line)?.[1])
    .filter((field): field is string => field !== undefined);
}

interface Case {
  readonly name: string;
  readonly partner: Partner;
  readonly names?: EffectiveDocumentNames;
  /** Effective values of some settings, written out by hand. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The comment expected before each top-level setting. */
  readonly comments: Readonly<Record<string, string>>;
  /** Per setting, the fields marked `// inherited` (settings not listed have none). */
  readonly marked?: Readonly<Record<string, readonly string[]>>;
}

const cases: readonly Case[] = [
  {
    name: 'a partner that sets nothing',
    partner: { tenantId: PARTNER },
    values: {
      inboundTrust: defaults.inboundTrust,
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
      b2bDirectConnectInbound: defaults.b2bDirectConnectInbound,
      tenantRestrictions: null,
      m365CollaborationInbound: null,
      m365CollaborationOutbound: defaults.m365CollaborationOutbound,
    },
    comments: {
      appServiceConnectInbound: NOWHERE,
      automaticUserConsentSettings: INHERITED,
      b2bCollaborationInbound: INHERITED,
      b2bCollaborationOutbound: INHERITED,
      b2bDirectConnectInbound: INHERITED,
      b2bDirectConnectOutbound: INHERITED,
      inboundTrust: INHERITED,
      m365CollaborationInbound: NOWHERE,
      m365CollaborationOutbound: INHERITED,
      tenantRestrictions: NOWHERE,
    },
  },
  {
    name: 'a partner that sets some fields of inboundTrust and half a B2B setting',
    partner: {
      tenantId: PARTNER,
      inboundTrust: {
        isMfaAccepted: null,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: null,
      },
      b2bCollaborationInbound: {
        usersAndGroups: targets('allowed', 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97', 'group'),
      },
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
      isServiceProvider: false,
    },
    values: {
      inboundTrust: {
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: false,
        isMfaAccepted: true,
      },
      b2bCollaborationInbound: {
        applications: targets('allowed', 'AllApplications', 'application'),
        usersAndGroups: targets('allowed', 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97', 'group'),
      },
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
    },
    comments: {
      automaticUserConsentSettings: OWN,
      b2bCollaborationInbound: `${OWN}; applications inherited from the default`,
      b2bCollaborationOutbound: INHERITED,
      inboundTrust: `${OWN}; isHybridAzureADJoinedDeviceAccepted, isMfaAccepted inherited from the default`,
      tenantRestrictions: NOWHERE,
    },
    marked: {
      inboundTrust: ['isHybridAzureADJoinedDeviceAccepted', 'isMfaAccepted'],
      b2bCollaborationInbound: ['applications'],
    },
  },
  {
    name: 'a partner with newer properties (m365CollaborationInbound, appServiceConnectInbound) and tenant restrictions',
    partner: {
      tenantId: PARTNER,
      m365CollaborationInbound: { users: targets('blocked', 'AllUsers', 'user') },
      m365CollaborationOutbound: { usersAndGroups: null },
      appServiceConnectInbound: {
        applications: targets('allowed', 'AllApplications', 'application'),
      },
      tenantRestrictions: {
        usersAndGroups: targets('blocked', 'AllUsers', 'user'),
        applications: targets('blocked', 'AllApplications', 'application'),
        devices: null,
      },
    },
    values: {
      m365CollaborationInbound: { users: targets('blocked', 'AllUsers', 'user') },
      m365CollaborationOutbound: { usersAndGroups: targets('allowed', 'AllUsers', 'user') },
      appServiceConnectInbound: {
        applications: targets('allowed', 'AllApplications', 'application'),
      },
      tenantRestrictions: {
        usersAndGroups: targets('blocked', 'AllUsers', 'user'),
        applications: targets('blocked', 'AllApplications', 'application'),
        devices: null,
      },
    },
    comments: {
      appServiceConnectInbound: OWN,
      m365CollaborationInbound: OWN,
      m365CollaborationOutbound: `${OWN}; usersAndGroups inherited from the default`,
      tenantRestrictions: OWN,
      inboundTrust: INHERITED,
    },
    marked: { m365CollaborationOutbound: ['usersAndGroups'] },
  },
  {
    name: 'hostile names that try to end the comment and add JSON',
    partner: {
      tenantId: PARTNER,
      inboundTrust: {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
    },
    names: {
      partner: 'Evil\n"inboundTrust": null, "x": 1,\r\n//',
      partnerDomain: 'evil.example\u2028"tenantRestrictions": {},',
      tenant: 'Contoso\u0000\n}',
    },
    values: {
      inboundTrust: {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
      tenantRestrictions: null,
    },
    comments: { inboundTrust: OWN, tenantRestrictions: NOWHERE },
  },
];

describe('effective settings document', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const text = effectiveDocumentText(c.partner, defaults, c.names);

      it('parses (strict commas, comments allowed) to exactly the effective values, in canonical key order', () => {
        const parsed = parseStrict(text) as Record<string, unknown>;
        assert.deepEqual(Object.keys(parsed), CANONICAL_ORDER);
        const { settings } = effectivePartner(c.partner, defaults);
        assert.deepEqual(
          parsed,
          Object.fromEntries(INHERITABLE_SETTINGS.map((key) => [key, settings[key].value])),
        );
        for (const [key, value] of Object.entries(c.values))
          assert.deepEqual(parsed[key], value, key);
      });

      it('says before each setting where it comes from', () => {
        for (const [key, comment] of Object.entries(c.comments))
          assert.equal(commentOf(text, key), comment, key);
        for (const key of CANONICAL_ORDER) assert.ok(commentOf(text, key).length > 0, key);
      });

      it("marks exactly the inherited fields of the partner's own objects with a trailing // inherited", () => {
        for (const key of CANONICAL_ORDER)
          assert.deepEqual(markedInherited(text, key), c.marked?.[key] ?? [], key);
      });
    });
  }

  it('prints nested values in canonical key order whatever order Graph sent them in', () => {
    const partner: Partner = {
      tenantId: PARTNER,
      b2bDirectConnectOutbound: {
        usersAndGroups: {
          targets: [{ targetType: 'user', target: 'AllUsers' }],
          accessType: 'allowed',
        },
      },
    };
    const block = memberLines(
      effectiveDocumentText(partner, defaults),
      'b2bDirectConnectOutbound',
    ).join('\n');
    // applications (inherited) before usersAndGroups; accessType before targets; target before targetType.
    assert.match(
      block,
      /"applications": \{ \/\/ inherited\n\s+"accessType": "blocked",[\s\S]*"usersAndGroups": \{\n\s+"accessType": "allowed",\n\s+"targets": \[\n\s+\{\n\s+"target": "AllUsers",\n\s+"targetType": "user"/,
    );
  });

  it('names the partner in a header that explains the document is read-only and how to change a value', () => {
    const text = effectiveDocumentText({ tenantId: PARTNER }, defaults, {
      partner: 'Fabrikam Retail',
      partnerDomain: 'fabrikamretail.onmicrosoft.com',
      tenant: 'Contoso Group',
    });
    const header = text.slice(0, text.indexOf('\n{\n'));
    assert.ok(
      header.split('\n').every((line) => line.startsWith('//')),
      'the header is all comments',
    );
    assert.match(
      header,
      /^\/\/ Effective cross-tenant access settings for Fabrikam Retail \(fabrikamretail\.onmicrosoft\.com\)$/m,
    );
    assert.match(header, new RegExp(`^// Partner tenant id: ${PARTNER}$`, 'm'));
    assert.match(header, /Contoso Group/);
    assert.match(header, /Read-only/);
    assert.match(header, /edit the partner configuration/);
    assert.match(header, /edit the default settings/);
  });

  it('keeps every hostile name on its comment line', () => {
    const c = cases.find((entry) => entry.names)!;
    const text = effectiveDocumentText(c.partner, defaults, c.names);
    const header = text.slice(0, text.indexOf('\n{\n')).split('\n');
    assert.ok(
      header.every((line) => line.startsWith('//')),
      header.join('\n'),
    );
    assert.ok(!['\u0000', '\r', '\u2028'].some((c) => text.includes(c)));
  });

  it('without names, still says which tenant the partner is', () => {
    const text = effectiveDocumentText({ tenantId: PARTNER }, defaults);
    assert.match(text, /^\/\/ Effective cross-tenant access settings for a partner organization$/m);
    assert.match(text, new RegExp(`^// Partner tenant id: ${PARTNER}$`, 'm'));
  });

  it('ends with a single newline and has no trailing whitespace', () => {
    const text = effectiveDocumentText(cases[1].partner, defaults, { partner: 'Fabrikam Retail' });
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.ok(text.split('\n').every((line) => line === line.trimEnd()));
  });
});
