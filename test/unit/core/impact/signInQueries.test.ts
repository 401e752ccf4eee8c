import assert from 'node:assert/strict';
import {
  daySlices,
  directionIn,
  inScope,
  signInQueries,
  windowDays,
  type SignInScope,
} from '../../../../src/core/impact/loadSignIns';

const T = '11111111-0000-4000-8000-000000000000';
const P = '22222222-0000-4000-8000-000000000000';
const NOW = new Date('2025-03-14T12:00:00Z');

describe('impact: sign-in queries, one per day', () => {
  it('slices the window into days, newest first, 1 to 30', () => {
    const days = daySlices(NOW, 3);
    assert.deepEqual(
      days.map((d) => [d.from.toISOString(), d.to.toISOString()]),
      [
        ['2025-03-13T12:00:00.000Z', '2025-03-14T12:00:00.000Z'],
        ['2025-03-12T12:00:00.000Z', '2025-03-13T12:00:00.000Z'],
        ['2025-03-11T12:00:00.000Z', '2025-03-12T12:00:00.000Z'],
      ],
    );
    assert.deepEqual(
      [windowDays(0), windowDays(45), windowDays(7.9), windowDays(NaN)],
      [1, 30, 7, 1],
    );
  });

  const day =
    'createdDateTime ge 2025-03-13T12:00:00Z and createdDateTime le 2025-03-14T11:59:59.999Z';
  const cases: readonly [string, SignInScope, string][] = [
    [
      'inbound from a partner',
      { tenantId: T, directions: new Set(['inbound']), partnerTenantIds: [P] },
      `homeTenantId eq '${P}'`,
    ],
    [
      'outbound to a partner',
      { tenantId: T, directions: new Set(['outbound']), partnerTenantIds: [P] },
      `resourceTenantId eq '${P}'`,
    ],
    [
      'both ways with a partner',
      { tenantId: T, directions: new Set(['inbound', 'outbound']), partnerTenantIds: [P] },
      `(homeTenantId eq '${P}' or resourceTenantId eq '${P}')`,
    ],
    [
      'inbound from everyone',
      { tenantId: T, directions: new Set(['inbound']) },
      `homeTenantId ne '${T}'`,
    ],
  ];
  for (const [what, scope, clause] of cases)
    it(`${what}: the tenant clause first, then the documented time filter alone`, () => {
      assert.deepEqual(signInQueries(scope, daySlices(NOW, 1)), [[`${day} and ${clause}`, day]]);
    });

  it('keeps only the sign-ins of the scope, whatever the server filtered', () => {
    const scope: SignInScope = {
      tenantId: T,
      directions: new Set(['inbound']),
      partnerTenantIds: [P],
    };
    const s = (home: string, resource: string) => ({
      homeTenantId: home,
      resourceTenantId: resource,
    });
    assert.equal(directionIn(T, s(P, T)), 'inbound');
    assert.equal(directionIn(T, s(T, P)), 'outbound');
    assert.equal(directionIn(T, s(T, T)), undefined);
    assert.deepEqual(
      [
        s(P, T),
        s(T, P),
        s(T, T),
        s('33333333-0000-4000-8000-000000000000', T),
        s(P.toUpperCase(), T),
      ].map((x) => inScope(scope, x)),
      [true, false, false, false, true],
    );
  });
});
