import assert from 'node:assert/strict';
import { exportPaths, liveSinceExport } from '../../../../src/core/policy/exportBase';

const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';

describe('export bases (.xta-base)', () => {
  it('puts a base beside its tenant folder, for either separator and any folders above', () => {
    assert.deepEqual(exportPaths(`/work/git/contoso.com/partners/${PARTNER}.xta-partner.json`), {
      root: '/work/git',
      file: `contoso.com/partners/${PARTNER}.xta-partner.json`,
      base: `contoso.com/.xta-base/partners/${PARTNER}.xta-partner.base.json`,
    });
    assert.deepEqual(exportPaths('C:\\exports\\contoso.com\\default.xta-default.json'), {
      root: 'C:\\exports',
      file: 'contoso.com/default.xta-default.json',
      base: 'contoso.com/.xta-base/default.xta-default.base.json',
    });
    assert.deepEqual(exportPaths('contoso.com/policy.xta-policy.json'), {
      root: '',
      file: 'contoso.com/policy.xta-policy.json',
      base: 'contoso.com/.xta-base/policy.xta-policy.base.json',
    });
    assert.equal(exportPaths('/contoso.com/policy.xta-policy.json')?.root, '/');
  });

  it('has no base for a file outside the layout, or for a base itself', () => {
    assert.equal(exportPaths('/work/notes.json'), undefined);
    assert.equal(exportPaths('/work/contoso.com/README.md'), undefined);
    assert.equal(
      exportPaths(`/w/contoso.com/.xta-base/partners/${PARTNER}.xta-partner.base.json`),
      undefined,
    );
  });

  describe('what happened in the tenant since the export', () => {
    const exported = { inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false } };
    const text = JSON.stringify(exported);
    const edited = { inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: true } };

    it('no base: unrecorded; a base that is not an object: unreadable', () => {
      assert.equal(liveSinceExport('partner', undefined, exported, edited).state, 'unrecorded');
      for (const bad of ['', '[1]', 'null', '{"a":'])
        assert.equal(liveSinceExport('partner', bad, exported, edited).state, 'unreadable', bad);
    });

    it('the user editing the file is not the tenant moving', () => {
      assert.equal(liveSinceExport('partner', text, exported, edited).state, 'unchanged');
    });

    it('gone from the tenant: removed', () => {
      assert.equal(liveSinceExport('partner', text, undefined, edited).state, 'removed');
    });

    it("live moved: the file's edits rebased onto it, a setting both changed a conflict", () => {
      const live = { inboundTrust: { isMfaAccepted: false, isCompliantDeviceAccepted: false } };
      const since = liveSinceExport('partner', text, live, edited);
      assert.equal(since.state, 'moved');
      assert.deepEqual(since.state === 'moved' && since.result.merged.inboundTrust, {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: true,
      });
      const both = liveSinceExport('partner', text, live, {
        inboundTrust: { isMfaAccepted: null, isCompliantDeviceAccepted: false },
      });
      assert.deepEqual(
        both.state === 'moved' && both.result.conflicts.map((c) => c.path.join('.')),
        ['inboundTrust.isMfaAccepted'],
      );
    });
  });
});
