import assert from 'node:assert/strict';
import { ruleKey, selectPacks } from '../../../../src/core/baselines/baselinePack';
import { type BaselinePack, type BaselineRule } from '../../../../src/core/baselines/baselineRule';
import {
  compareRules,
  findConflicts,
  unsatisfiable,
} from '../../../../src/core/baselines/conflicts';
import type { Expectation } from '../../../../src/core/baselines/expectation';
import { shippedPacks } from './support';

function synthetic(pack: string, id: string, expect: Expectation): BaselineRule {
  return { pack, packVersion: '1', id, title: id, sourcePath: 'x.md', automated: true, expect };
}

const invites = (value: string): Expectation => ({
  data: 'authorizationPolicy',
  path: 'allowInvitesFrom',
  equals: value,
});

/** The conflicts of a pack selection as `kind a <> b`, order-independent. */
function conflictsOf(selection: string[]): Set<string> {
  return new Set(
    findConflicts(selectPacks(shippedPacks(), selection)).map(
      (c) => `${c.kind} ${[ruleKey(c.rules[0]), ruleKey(c.rules[1])].sort().join(' <> ')}`,
    ),
  );
}

describe('conflicts between baselines', () => {
  const legacyAsd = ['cisa', 'maester', 'zta', 'cis', 'asd@1.2.8'];

  it('finds the conflicts the baselines are known for, computed from their expectations', () => {
    const found = conflictsOf(legacyAsd);
    for (const known of [
      // ASD 1.2.8 allows default inbound B2B collaboration; Maester's CISA.MS.AAD.8.3 blocks it.
      'incompatible asd@1.2.8/CTAS.Default.Inbound.B2BCollaboration <> maester@2.2.0/CISA.MS.AAD.8.3',
      // ASD 1.2.8 allows default outbound B2B collaboration; ZTA 21790 blocks it.
      'incompatible asd@1.2.8/CTAS.Default.Outbound.B2BCollaboration <> zta@2.6.0/21790',
      // CIS 5.1.6.1 as CIPP grades it takes a block list too; ZTA 21822 only an allow list.
      'differentGrading cis@7.0.0/5.1.6.1 <> zta@2.6.0/21822',
      // Nobody may invite (ASD) against only admins and Guest Inviters may (CIS 5.1.6.3).
      'incompatible asd@1.2.8/ECS.GuestInviteRestrictions <> cis@7.0.0/5.1.6.3',
    ])
      assert.ok(found.has(known), `missing: ${known}`);
  });

  it('reports each pair once, never a pair within one pack file, never rules that agree', () => {
    const conflicts = findConflicts(selectPacks(shippedPacks(), legacyAsd));
    const pairs = conflicts.map((c) => [ruleKey(c.rules[0]), ruleKey(c.rules[1])].sort().join(' '));
    assert.equal(new Set(pairs).size, pairs.length);
    assert.ok(conflicts.every((c) => c.rules[0].pack !== c.rules[1].pack));
    // The tenant restrictions of ASD and of ZTA 21793 ask the same; MS.AAD.8.3v1 and 21822 too.
    assert.ok(
      !conflictsOf(legacyAsd).has(
        'incompatible asd@1.2.8/CTAS.Default.TenantRestrictions <> zta@2.6.0/21793',
      ),
    );
    assert.ok(
      ![...conflictsOf(legacyAsd)].some((c) =>
        c.endsWith('cisa@1.8.0/MS.AAD.8.3v1 <> zta@2.6.0/21822'),
      ),
    );
  });

  it('names both rules, the properties and what each wants, and for a grading difference what passes both', () => {
    const conflict = findConflicts(selectPacks(shippedPacks(), ['cis', 'zta'])).find(
      (c) => c.rules[0].id === '5.1.6.1' && c.rules[1].id === '21822',
    )!;
    assert.equal(conflict.kind, 'differentGrading');
    assert.deepEqual(
      conflict.properties.map((p) => p.path),
      [
        'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
        'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.BlockedDomains',
      ],
    );
    assert.match(
      conflict.requirements[0],
      /AllowedDomains lists at least one entry or .*BlockedDomains/,
    );
    assert.match(conflict.bothPass ?? '', /AllowedDomains lists at least one entry/);
  });

  it('sees that the newer ASD Blueprint blocks B2B collaboration like Maester and ZTA', () => {
    const found = [...conflictsOf(['maester', 'zta', 'asd@1.3.3'])];
    assert.ok(!found.some((c) => c.includes('B2BCollaboration')), found.join('\n'));
    const both = [...conflictsOf(['asd@1.2.8', 'asd@1.3.3'])];
    assert.ok(
      both.includes(
        'incompatible asd@1.2.8/CTAS.Default.Inbound.B2BCollaboration <> asd@1.3.3/CTAS.Default.Inbound.B2BCollaboration',
      ),
    );
  });

  describe('on synthetic rules', () => {
    it('tells incompatible from differently graded from the same', () => {
      assert.equal(
        compareRules(synthetic('a', '1', invites('none')), synthetic('b', '1', invites('everyone')))
          ?.kind,
        'incompatible',
      );
      const oneOf: Expectation = {
        data: 'authorizationPolicy',
        path: 'allowInvitesFrom',
        oneOf: ['none', 'everyone'],
      };
      assert.equal(
        compareRules(synthetic('a', '1', invites('none')), synthetic('b', '1', oneOf))?.kind,
        'differentGrading',
      );
      assert.equal(
        compareRules(synthetic('a', '1', invites('none')), synthetic('b', '1', invites('none'))),
        undefined,
      );
      assert.equal(
        compareRules(
          synthetic('a', '1', { not: invites('everyone') }),
          synthetic('b', '1', { not: invites('everyone') }),
        ),
        undefined,
      );
      const other: Expectation = {
        data: 'authorizationPolicy',
        path: 'guestUserRoleId',
        equals: 'x',
      };
      assert.equal(
        compareRules(synthetic('a', '1', invites('none')), synthetic('b', '1', other)),
        undefined,
      );
    });

    it('compares list requirements element by element', () => {
      const users: Expectation = {
        data: 'default',
        path: 'tenantRestrictions.usersAndGroups.targets',
        includes: { target: 'AllUsers' },
      };
      const group: Expectation = {
        data: 'default',
        path: 'tenantRestrictions.usersAndGroups.targets',
        includes: { target: 'g1' },
      };
      const none: Expectation = { not: users };
      assert.equal(
        compareRules(synthetic('a', '1', users), synthetic('b', '1', group))?.kind,
        'differentGrading',
      );
      assert.equal(
        compareRules(synthetic('a', '1', users), synthetic('b', '1', none))?.kind,
        'incompatible',
      );
    });

    it('only the conflicting part of a rule counts: the rest is independent', () => {
      const a = synthetic('a', '1', {
        allOf: [
          invites('none'),
          { data: 'authorizationPolicy', path: 'guestUserRoleId', equals: 'x' },
        ],
      });
      const b = synthetic('b', '1', {
        allOf: [
          invites('everyone'),
          { data: 'authorizationPolicy', path: 'guestUserRoleId', equals: 'x' },
        ],
      });
      const conflict = compareRules(a, b)!;
      assert.equal(conflict.kind, 'incompatible');
      assert.deepEqual(
        conflict.properties.map((p) => p.path),
        ['allowInvitesFrom'],
      );
      assert.deepEqual(conflict.requirements, [
        'allowInvitesFrom is "none"',
        'allowInvitesFrom is "everyone"',
      ]);
    });

    it('finds a rule that nothing can pass', () => {
      assert.equal(
        unsatisfiable(synthetic('a', '1', { allOf: [invites('none'), invites('everyone')] })),
        true,
      );
      assert.equal(
        unsatisfiable(synthetic('a', '1', { anyOf: [invites('none'), invites('everyone')] })),
        false,
      );
      assert.equal(
        unsatisfiable(synthetic('a', '1', { allOf: [invites('none'), { not: invites('none') }] })),
        true,
      );
    });

    it('compares packs of one file with nothing, and only across files', () => {
      const pack = (id: string, rules: BaselineRule[]): BaselinePack => ({
        pack: id,
        name: id,
        version: '1',
        repository: 'o/r',
        commit: '0'.repeat(40),
        rules,
      });
      const one = pack('a', [
        synthetic('a', '1', invites('none')),
        synthetic('a', '2', invites('everyone')),
      ]);
      assert.deepEqual(findConflicts([one]), []);
      assert.equal(
        findConflicts([one, pack('b', [synthetic('b', '1', invites('none'))])]).length,
        1,
      );
    });
  });
});
