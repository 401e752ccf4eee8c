import assert from 'node:assert/strict';
import { GUID_TEXT, isGuid } from '../../../../src/core/policy/guid';

describe('isGuid', () => {
  it('accepts 8-4-4-4-12 hexadecimal digits in any case', () => {
    assert.equal(isGuid('3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5e'), true);
    assert.equal(isGuid('3EC2B2A5-8B4F-4A0E-9D1C-0E6A8B7C6D5E'), true);
  });

  it('refuses braces, other lengths, non-hex digits and surrounding text', () => {
    assert.equal(isGuid('{3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5e}'), false);
    assert.equal(isGuid('3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5'), false);
    assert.equal(isGuid('3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5g'), false);
    assert.equal(isGuid(' 3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5e'), false);
    assert.equal(isGuid('contoso.onmicrosoft.com'), false);
  });

  it('GUID_TEXT finds a GUID inside longer text', () => {
    const found = new RegExp(GUID_TEXT).exec('Partner 3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5e added');
    assert.equal(found?.[0], '3ec2b2a5-8b4f-4a0e-9d1c-0e6a8b7c6d5e');
  });
});
