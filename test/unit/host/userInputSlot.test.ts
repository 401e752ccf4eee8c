import assert from 'node:assert/strict';
import { describeError } from '../../../src/core/describeError';
import { UserCancelledError } from '../../../src/core/userCancelledError';
import { UserInputSlot } from '../../../src/host/userInputSlot';
import { ScriptedUserInput } from '../../support/scriptedUserInput';

/** A dismissal as another copy of core/userCancelledError throws it (the integration tests' own). */
class ForeignCancellation extends Error {
  override readonly name = 'UserCancelledError';
}

describe('UserInputSlot', () => {
  it("turns a double's dismissal from another copy of the module into this one's cancellation", async () => {
    const double = new ScriptedUserInput();
    double.confirm = () => Promise.reject(new ForeignCancellation('cancelled by the user'));
    const slot = new UserInputSlot(new ScriptedUserInput());
    slot.use(double);
    const err = await slot
      .confirm({ message: 'Push?', actions: ['Push'] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof UserCancelledError);
    assert.equal(describeError(err).cancelled, true, 'the command wrapper keeps it silent');
  });

  it('passes every other failure as it is: an unscripted prompt stays a crash', async () => {
    const slot = new UserInputSlot(new ScriptedUserInput());
    const err = await slot.input({ prompt: 'Name' }).catch((e: unknown) => e);
    assert.ok(err instanceof Error && !(err instanceof UserCancelledError));
    assert.match(err.message, /unexpected input prompt "Name"/);
    assert.equal(describeError(err).cancelled, false);
  });

  it('answers through the double only until it is disposed', async () => {
    const product = new ScriptedUserInput([{ expect: 'Which?', answer: { pick: 'b' } }]);
    const slot = new UserInputSlot(product);
    const double = new ScriptedUserInput([{ expect: 'Which?', answer: { pick: 'a' } }]);
    const items = [
      { label: 'a', value: 1 },
      { label: 'b', value: 2 },
    ];
    const used = slot.use(double);
    assert.equal(await slot.pick(items, { placeHolder: 'Which?' }), 1);
    used.dispose();
    assert.equal(await slot.pick(items, { placeHolder: 'Which?' }), 2);
  });
});
