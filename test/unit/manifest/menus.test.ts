import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateWhen, type WhenContext } from '../../support/whenClause';
import {
  DOCUMENT_ITEMS,
  JOB_KINDS,
  PAIRS_VIEW_ITEMS,
  TENANT_STATES,
  TENANTS_VIEW_ITEMS,
} from '../../support/viewItems';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}
const root = path.resolve(__dirname, '../../..');
const read = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as unknown;
const pkg = read('package.json') as {
  contributes: {
    menus: Record<string, MenuEntry[]>;
    commands: { command: string; title: string }[];
  };
};
const nls = read('package.nls.json') as Record<string, string>;
const title = (command: string): string => {
  const t = pkg.contributes.commands.find((c) => c.command === command)?.title ?? command;
  return nls[t.replace(/^%|%$/g, '')] ?? t;
};
const itemMenu = pkg.contributes.menus['view/item/context'];

/**
 * What a row's menus show, in VS Code's order (groups by name, then `@order`, default 0, then
 * title), without the `crossTenant.` prefix.
 */
interface Shown {
  readonly inline: readonly string[];
  readonly menu: readonly string[];
}

function shownFor(view: string, viewItem: string): Shown {
  const context: WhenContext = { view, viewItem };
  const entries = itemMenu
    .filter((e) => evaluateWhen(e.when ?? 'true', context))
    .map((e) => {
      const [group, order] = (e.group ?? '').split('@');
      return {
        command: e.command.replace(/^crossTenant\./, ''),
        group,
        order: Number(order ?? 0),
        title: title(e.command),
      };
    })
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) || a.order - b.order || a.title.localeCompare(b.title),
    );
  return {
    inline: entries.filter((e) => e.group === 'inline').map((e) => e.command),
    menu: entries.filter((e) => e.group !== 'inline').map((e) => e.command),
  };
}

const none: Shown = { inline: [], menu: [] };

/** Each tenant state: what its row offers (the same for every way of signing in). */
const TENANT: Record<(typeof TENANT_STATES)[number], Shown> = {
  signedIn: {
    inline: ['refresh'],
    menu: [
      'signOut',
      'refresh',
      'removeTenant',
      'copyTenantId',
      'exportTenant',
      'addPartner',
      'newSyncConfiguration',
    ],
  },
  needsSignIn: {
    inline: ['signIn', 'refresh'],
    menu: ['signIn', 'refresh', 'removeTenant', 'copyTenantId'],
  },
  checking: { inline: ['refresh'], menu: ['signOut', 'refresh', 'removeTenant', 'copyTenantId'] },
  error: {
    inline: ['signIn', 'refresh'],
    menu: ['signIn', 'signOut', 'refresh', 'removeTenant', 'copyTenantId'],
  },
};

/** A policy row without a draft, by its contextValue. */
const DOCUMENT: Record<(typeof DOCUMENT_ITEMS)[number], readonly string[]> = {
  'policy.base': ['openPolicy', 'diffWithLive'],
  'policy.default': ['openPolicy', 'diffWithLive', 'resetDefault'],
  partner: [
    'openPolicy',
    'openEffective',
    'diffWithLive',
    'whoUsesPartnership',
    'copyTenantId',
    'allowUserSync',
    'deletePartner',
  ],
  'partner.withIdentitySync': [
    'openPolicy',
    'openEffective',
    'diffWithLive',
    'whoUsesPartnership',
    'copyTenantId',
    'deletePartner',
  ],
  identitySync: ['openPolicy', 'diffWithLive', 'removeIdentitySync'],
};

/** With a draft: Push inline and after Diff, Discard Draft at the end of the open group. */
function withDraft(item: (typeof DOCUMENT_ITEMS)[number]): Shown {
  const menu = [...DOCUMENT[item]];
  const open = menu.filter((c) => c === 'openPolicy' || c === 'openEffective').length;
  menu.splice(open, 0, 'discardDraft');
  menu.splice(menu.indexOf('diffWithLive') + 1, 0, 'push');
  return { inline: ['push'], menu };
}

const JOB_MENU = [
  'showJobDetails',
  'openSchema',
  'showProvisioningLogs',
  'restartJob',
  'provisionOnDemand',
  'testConnection',
  'copyJobId',
];
/** Start where the job is not running, Pause where it is (a quarantined job offers both: Start lifts the quarantine). */
function job(kind: (typeof JOB_KINDS)[number]): Shown {
  const start = ['paused', 'quarantine', 'notConfigured', 'unknown'].includes(kind);
  const pause = ['active', 'withErrors', 'notRun', 'failed', 'quarantine'].includes(kind);
  const actions = [...(start ? ['startJob'] : []), ...(pause ? ['pauseJob'] : [])];
  return {
    inline: ['showProvisioningLogs', ...actions],
    menu: [...JOB_MENU.slice(0, 3), ...actions, ...JOB_MENU.slice(3)],
  };
}

const EXPECTED: Record<string, Shown> = {
  ...Object.fromEntries(
    TENANTS_VIEW_ITEMS.filter((v) => v.startsWith('tenant.')).map((v) => [
      v,
      TENANT[v.split('.')[1] as keyof typeof TENANT],
    ]),
  ),
  access: { inline: ['refresh'], menu: [] },
  ...Object.fromEntries(DOCUMENT_ITEMS.map((item) => [item, { inline: [], menu: DOCUMENT[item] }])),
  ...Object.fromEntries(DOCUMENT_ITEMS.map((item) => [`${item}.modified`, withDraft(item)])),
  partners: { inline: ['addPartner', 'refresh'], menu: ['addPartner'] },
  sync: { inline: ['newSyncConfiguration', 'refresh'], menu: ['newSyncConfiguration'] },
  syncConfiguration: {
    inline: ['showProvisioningLogs', 'refresh'],
    menu: ['showProvisioningLogs', 'addAssignment', 'configureSync', 'deleteSyncConfiguration'],
  },
  ...Object.fromEntries(JOB_KINDS.map((kind) => [`syncJob.${kind}`, job(kind)])),
  syncAssignments: { inline: ['addAssignment'], menu: ['addAssignment'] },
  syncAssignment: { inline: [], menu: ['removeAssignment'] },
  'message.error': { inline: ['refresh'], menu: [] },
  'message.info': none,
  'message.action': none,
};

const EXPECTED_PAIRS: Record<string, Shown> = {
  ...Object.fromEntries(
    PAIRS_VIEW_ITEMS.filter((v) => v.startsWith('pair.')).map((v) => [
      v,
      { inline: [], menu: v.endsWith('.synced') ? ['setUpSync', 'removePair'] : ['setUpSync'] },
    ]),
  ),
  pairSync: none,
  pairFinding: { inline: [], menu: ['openPairFinding'] },
  'pairFinding.fixable': {
    inline: ['fixPairFinding'],
    menu: ['fixPairFinding', 'openPairFinding'],
  },
  pairMessage: none,
};

describe('when clauses, evaluated as VS Code does', () => {
  const ctx = { view: 'v', viewItem: 'partner.modified', flag: true, off: false };
  for (const [clause, expected] of [
    ['viewItem == partner.modified', true],
    ['viewItem == partner', false],
    ['viewItem != partner', true],
    ["viewItem == 'partner.modified'", true],
    ['viewItem =~ /^partner(\\.|$)/', true],
    ['viewItem =~ /^partners/', false],
    ['viewItem =~ /^PARTNER/i', true],
    ['viewItem =~ /\\/x/', false],
    ['flag', true],
    ['!flag', false],
    ['!off && flag', true],
    ['off || flag', true],
    ['off || flag && off', false],
    ['(off || flag) && view == v', true],
    ['!(off || flag)', false],
    ['true && !false', true],
  ] as const)
    it(`${clause} → ${expected}`, () => assert.equal(evaluateWhen(clause, ctx), expected));

  it('refuses a context key the test did not set, and operators it does not know', () => {
    assert.throws(
      () => evaluateWhen('listMultiSelection', ctx),
      /context key "listMultiSelection"/,
    );
    assert.throws(() => evaluateWhen('off && listMultiSelection', ctx), /listMultiSelection/);
    assert.throws(() => evaluateWhen('viewItem in list', ctx), /not supported/);
    assert.throws(() => evaluateWhen('count < 3', ctx), /unsupported/);
    assert.throws(() => evaluateWhen('(flag', ctx), /missing \)/);
  });
});

describe('the menus of every row of the views (issue 16 §2)', () => {
  it('says what every row kind of the Tenants view offers', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...TENANTS_VIEW_ITEMS].sort());
    for (const viewItem of TENANTS_VIEW_ITEMS)
      assert.deepEqual(
        shownFor('crossTenant.tenants', viewItem),
        EXPECTED[viewItem],
        `the menus of a "${viewItem}" row`,
      );
  });

  it('says what every row kind of the Tenant Pairs view offers', () => {
    assert.deepEqual(Object.keys(EXPECTED_PAIRS).sort(), [...PAIRS_VIEW_ITEMS].sort());
    for (const viewItem of PAIRS_VIEW_ITEMS)
      assert.deepEqual(
        shownFor('crossTenant.pairs', viewItem),
        EXPECTED_PAIRS[viewItem],
        `the menus of a "${viewItem}" row`,
      );
  });

  it('offers "Partners (3)" nothing meant for one partner, and a job nothing meant for the sync node', () => {
    const partners = shownFor('crossTenant.tenants', 'partners');
    for (const command of ['openPolicy', 'diffWithLive', 'deletePartner', 'copyTenantId'])
      assert.ok(!partners.menu.includes(command), `Partners offers ${command}`);
    for (const kind of JOB_KINDS)
      assert.ok(
        !shownFor('crossTenant.tenants', `syncJob.${kind}`).menu.includes('newSyncConfiguration'),
      );
  });

  it('anchors every viewItem pattern at its start, and shows no row menu in the other view', () => {
    for (const e of itemMenu) {
      assert.match(e.when ?? '', /^view == crossTenant\.(tenants|pairs) && /, e.command);
      for (const [, source] of (e.when ?? '').matchAll(/viewItem =~ \/(.*?)\/[a-z]*(?: |$)/g))
        assert.ok(source.startsWith('^'), `${e.command}: /${source}/ is anchored at the start`);
    }
    for (const viewItem of TENANTS_VIEW_ITEMS)
      assert.deepEqual(shownFor('crossTenant.pairs', viewItem), none, viewItem);
  });
});
