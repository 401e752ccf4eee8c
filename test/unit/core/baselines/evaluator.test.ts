import assert from 'node:assert/strict';
import { noAutomaticFix } from '../../../../src/core/baselines/baselineFix';
import { ruleKey, selectPacks } from '../../../../src/core/baselines/baselinePack';
import {
  evaluateBaselines,
  evaluateRule,
  evaluateTenant,
  sourcesNeeded,
} from '../../../../src/core/baselines/evaluateBaselines';
import { toCanonicalText } from '../../../../src/core/policy/canonical';
import type { JsonRecord } from '../../../../src/core/policy/documentPaths';
import { applyPatchToText } from '../../../../src/core/policy/settingLocation';
import {
  allOf,
  authorization,
  b2b,
  defaults,
  POLICY,
  ROLE,
  rule,
  shippedPacks,
  tenant,
} from './support';

describe('baseline evaluator', () => {
  it('names the setting, what it holds and what the rule wants for each failing part', () => {
    const result = evaluateRule(rule('zta@2.6.0/21790'), tenant({ default: defaults() }));
    assert.equal(result.status, 'failed');
    assert.deepEqual(
      result.findings.map((f) => [f.data, f.path, f.actual, f.expected]),
      [
        [
          'default',
          'b2bCollaborationOutbound.usersAndGroups.accessType',
          'allowed',
          'b2bCollaborationOutbound.usersAndGroups.accessType is "blocked"',
        ],
        [
          'default',
          'b2bCollaborationOutbound.applications.accessType',
          'allowed',
          'b2bCollaborationOutbound.applications.accessType is "blocked"',
        ],
      ],
    );
  });

  it('reports a setting that is not there as null, and names guest roles instead of bare GUIDs', () => {
    const result = evaluateRule(
      rule('cisa@1.8.0/MS.AAD.8.1v1'),
      tenant({ authorizationPolicy: { id: 'authorizationPolicy' } }),
    );
    assert.equal(result.status, 'failed');
    assert.equal(result.findings[0].actual, null);
    assert.match(
      result.findings[0].expected,
      /Guest User \(limited access\).*Restricted Guest User/,
    );
  });

  it('fails on what it could read when that already fails, and says what it could not read', () => {
    const result = evaluateRule(
      rule('zta@2.6.0/25377'),
      tenant({
        default: defaults({ tenantRestrictions: allOf('allowed') }),
        globalSecureAccess: {
          state: 'unavailable',
          reason: 'licence',
          detail: 'Global Secure Access is not licensed.',
        },
      }),
    );
    assert.equal(result.status, 'failed');
    assert.deepEqual(
      result.findings.map((f) => f.path),
      [
        'tenantRestrictions.usersAndGroups.accessType',
        'tenantRestrictions.applications.accessType',
      ],
    );
    assert.deepEqual(
      result.missing.map((m) => m.reason),
      ['licence'],
    );
  });

  it('leaves a rule not checked, with every reason, when what it read passes but some data is missing', () => {
    const result = evaluateRule(
      rule('zta@2.6.0/25377'),
      tenant({
        default: defaults(),
        globalSecureAccess: { state: 'unavailable', reason: 'betaOff', detail: 'Beta is off.' },
      }),
    );
    assert.equal(result.status, 'notChecked');
    assert.deepEqual(result.missing, [
      { data: 'globalSecureAccess', reason: 'betaOff', detail: 'Beta is off.' },
    ]);
  });

  it('does not pass a check on a property the copy leaves out (an export without the policy id)', () => {
    const result = evaluateRule(
      rule('zta@2.6.0/21793'),
      tenant({
        policy: { state: 'available', value: { displayName: 'x' }, omitted: ['id'] },
        default: defaults(),
      }),
    );
    assert.equal(result.status, 'notChecked');
    assert.match(result.missing[0].detail, /does not hold id/);
  });

  describe('fixes', () => {
    it('fixes a failed rule with the leaves that change, and the fix written into the draft makes it pass', () => {
      const before = defaults();
      const result = evaluateRule(rule('zta@2.6.0/21790'), tenant({ default: before }));
      assert.deepEqual(result.fix, {
        changes: [
          {
            data: 'default',
            patch: {
              b2bCollaborationOutbound: {
                usersAndGroups: { accessType: 'blocked' },
                applications: { accessType: 'blocked' },
              },
            },
            settings: [
              'b2bCollaborationOutbound.usersAndGroups.accessType',
              'b2bCollaborationOutbound.applications.accessType',
            ],
          },
        ],
      });
      const draft = applyPatchToText(
        toCanonicalText('default', before),
        result.fix.changes[0].patch,
      );
      const fixed = JSON.parse(draft) as JsonRecord;
      assert.equal(
        evaluateRule(rule('zta@2.6.0/21790'), tenant({ default: fixed })).status,
        'passed',
      );
    });

    it("lists a fix's settings in the order of the rule's checks, whatever the document's key order (Graph's or an export's)", () => {
      const graphOrder = defaults();
      const outbound = graphOrder.b2bCollaborationOutbound as JsonRecord;
      const exportOrder = defaults({
        b2bCollaborationOutbound: {
          applications: outbound.applications,
          usersAndGroups: outbound.usersAndGroups,
        },
      });
      const fixes = [graphOrder, exportOrder].map(
        (value) => evaluateRule(rule('zta@2.6.0/21790'), tenant({ default: value })).fix,
      );
      assert.deepEqual(fixes[0]!.changes[0].settings, [
        'b2bCollaborationOutbound.usersAndGroups.accessType',
        'b2bCollaborationOutbound.applications.accessType',
      ]);
      assert.equal(JSON.stringify(fixes[1]), JSON.stringify(fixes[0]));
    });

    it('replaces a target list with the special target the rule needs', () => {
      const groupOnly = {
        accessType: 'blocked',
        targets: [{ target: '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46', targetType: 'group' }],
      };
      const result = evaluateRule(
        rule('asd@1.2.8/CTAS.Default.TenantRestrictions'),
        tenant({
          default: defaults({
            tenantRestrictions: { ...allOf('blocked'), usersAndGroups: groupOnly },
          }),
        }),
      );
      assert.deepEqual(result.fix?.changes[0].patch, {
        tenantRestrictions: {
          usersAndGroups: { targets: [{ target: 'AllUsers', targetType: 'user' }] },
        },
      });
    });

    it('fixes authorizationPolicy settings with one value', () => {
      const result = evaluateRule(
        rule('cis@7.0.0/5.1.6.3'),
        tenant({ authorizationPolicy: authorization('everyone', ROLE.guest) }),
      );
      assert.deepEqual(result.fix, {
        changes: [
          {
            data: 'authorizationPolicy',
            patch: { allowInvitesFrom: 'adminsAndGuestInviters' },
            settings: ['allowInvitesFrom'],
          },
        ],
      });
    });

    it('offers no fix where the rule leaves a choice, where only Entra sets the value, or for beta data', () => {
      const cases: [string, Parameters<typeof tenant>[0], RegExp][] = [
        [
          'cisa@1.8.0/MS.AAD.8.1v1',
          { authorizationPolicy: authorization('none', ROLE.member) },
          /More than one value passes/,
        ],
        [
          'zta@2.6.0/21791',
          { authorizationPolicy: authorization('everyone', ROLE.guest) },
          /More than one value passes/,
        ],
        [
          'zta@2.6.0/21793',
          { policy: { id: 'not-a-guid' }, default: defaults() },
          /set by Microsoft Entra/,
        ],
        ['cis@7.0.0/5.1.6.1', { b2bManagementPolicy: b2b({}) }, /beta API/],
      ];
      for (const [key, data, reason] of cases) {
        const result = evaluateRule(rule(key), tenant(data));
        assert.equal(result.status, 'failed', key);
        assert.equal(result.fix, undefined, key);
        assert.match(result.noFix ?? '', reason, key);
      }
    });

    it('says which shipped rules never have an automatic fix', () => {
      const none = shippedPacks()
        .flatMap((pack) => pack.rules)
        .filter((r) => noAutomaticFix(r) !== undefined)
        .map(ruleKey);
      assert.deepEqual(none, [
        'asd@1.2.8/ECS.CollaborationRestrictions',
        'asd@1.3.3/ECS.CollaborationRestrictions',
        'cis@7.0.0/5.1.6.1',
        'cisa@1.8.0/MS.AAD.8.1v1',
        'cisa@1.8.0/MS.AAD.8.3v1',
        'maester@2.2.0/CISA.MS.AAD.8.1',
        'maester@2.2.0/CISA.MS.AAD.8.2',
        'maester@2.2.0/CIS.M365.5.1.6.2',
        'zta@2.6.0/21791',
        'zta@2.6.0/21822',
      ]);
    });

    it('fixes the part it can of a rule that also needs data it could not read', () => {
      const result = evaluateRule(
        rule('zta@2.6.0/25377'),
        tenant({
          default: defaults({ tenantRestrictions: allOf('allowed') }),
          globalSecureAccess: { state: 'unavailable', reason: 'licence', detail: 'No licence.' },
        }),
      );
      assert.deepEqual(
        result.fix?.changes.map((c) => c.settings),
        [
          [
            'tenantRestrictions.usersAndGroups.accessType',
            'tenantRestrictions.applications.accessType',
          ],
        ],
      );
    });
  });

  it('evaluates every rule of the packs in pack order, and reads only the sources they need', () => {
    const packs = selectPacks(shippedPacks(), ['maester', 'cisa']);
    const results = evaluateTenant(packs, tenant({}));
    assert.deepEqual(
      results.results.map((r) => ruleKey(r.rule)),
      packs.flatMap((p) => p.rules.map(ruleKey)),
    );
    assert.ok(results.results.every((r) => r.status === 'notChecked'));
    assert.deepEqual(sourcesNeeded(selectPacks(shippedPacks(), ['cisa'])), [
      'authorizationPolicy',
      'b2bManagementPolicy',
    ]);
    assert.deepEqual(sourcesNeeded(shippedPacks()), [
      'default',
      'policy',
      'authorizationPolicy',
      'b2bManagementPolicy',
      'globalSecureAccess',
    ]);
  });

  it('evaluates five tenants against every pack, with the conflicts of the packs', () => {
    const data = [ROLE.member, ROLE.guest, ROLE.restricted, ROLE.guest, ROLE.restricted].map(
      (role, i) =>
        tenant(
          {
            default: defaults(),
            policy: POLICY,
            authorizationPolicy: authorization('everyone', role),
            b2bManagementPolicy: b2b({}),
            globalSecureAccess: { networkPacketTaggingStatus: 'enabled' },
          },
          `00000000-0000-4000-8000-00000000000${i}`,
        ),
    );
    const run = evaluateBaselines(shippedPacks(), data);
    assert.equal(run.tenants.length, 5);
    const ruleCount = shippedPacks().reduce((n, p) => n + p.rules.length, 0);
    for (const t of run.tenants) {
      assert.equal(t.results.length, ruleCount);
      assert.ok(t.results.every((r) => r.status !== 'notChecked'));
    }
    const cis = (i: number): string =>
      run.tenants[i].results.find((r) => ruleKey(r.rule) === 'cis@7.0.0/5.1.6.2')!.status;
    assert.deepEqual([0, 1, 2].map(cis), ['failed', 'failed', 'passed']);
    assert.ok(run.conflicts.length > 0);
  });
});
