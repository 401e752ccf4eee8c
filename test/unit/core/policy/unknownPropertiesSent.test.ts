import assert from 'node:assert/strict';
import { checkDocument } from '../../../../src/core/policy/checkDocument';
import { unknownPropertiesSent } from '../../../../src/core/policy/unknownPropertiesSent';
import { schemas } from './helpers';

// Graph answers 400 to a property it does not know (issue 14, defect 11): a push that would send
// one is refused; one Graph returned itself and the push leaves alone is kept and never sent.
describe('unknown properties a push would send', () => {
  const text = JSON.stringify(
    {
      tenantId: '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3',
      b2bCollaborationInbound: { applicationz: null },
      crossCloudMeetingConfiguration: { inboundAllowed: null },
      inboundTrust: null,
    },
    null,
    2,
  );
  const diagnostics = checkDocument('partner', text, { schemas: schemas() });
  const names = (sent: readonly string[] | 'all') =>
    unknownPropertiesSent(text, diagnostics, sent).map((d) => /"([^"]+)"/.exec(d.message)?.[1]);

  it('names an unknown property nested in a value the PATCH sends', () => {
    assert.deepEqual(names(['b2bCollaborationInbound']), ['applicationz']);
  });

  it('names an unknown top-level property the PATCH sends', () => {
    assert.deepEqual(names(['crossCloudMeetingConfiguration']), ['crossCloudMeetingConfiguration']);
  });

  it('leaves out unknown properties in values the PATCH does not send', () => {
    assert.deepEqual(names(['inboundTrust']), []);
  });

  it('names every unknown property when the whole document is sent (a create)', () => {
    assert.deepEqual(names('all').sort(), ['applicationz', 'crossCloudMeetingConfiguration']);
  });
});
