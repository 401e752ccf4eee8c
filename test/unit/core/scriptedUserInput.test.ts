import assert from 'node:assert/strict';
import { describeError } from '../../../src/core/describeError';
import { UserCancelledError } from '../../../src/core/userCancelledError';
import { ScriptedUserInput } from '../../support/scriptedUserInput';

// The double every orchestration and integration test answers prompts with: it must fail on a
// prompt nobody scripted (a crash is not a refusal) and dismiss an input its validation refuses.
describe('ScriptedUserInput', () => {
  const items = [
    { label: 'Contoso', value: 'c' },
    { label: 'Fabrikam Retail', value: 'f' },
  ];

  it('answers a pick by label and records what was shown', async () => {
    const ui = new ScriptedUserInput([{ expect: /Which tenant/, answer: { pick: /Fabrikam/ } }]);
    assert.equal(await ui.pick(items, { placeHolder: 'Which tenant?' }), 'f');
    assert.deepEqual(ui.shown, [
      { kind: 'pick', text: 'Which tenant?', choices: ['Contoso', 'Fabrikam Retail'] },
    ]);
    ui.assertDone();
  });

  it('fails on a prompt the script does not expect, naming it', async () => {
    const ui = new ScriptedUserInput([{ expect: 'Delete', answer: { confirm: 'Delete' } }]);
    await assert.rejects(
      ui.pick(items, { placeHolder: 'Which tenant?' }),
      (e: Error) =>
        !(e instanceof UserCancelledError) &&
        /unexpected pick prompt "Which tenant\?"/.test(e.message),
    );
    await assert.rejects(ui.input({ prompt: 'Name' }), /unexpected input prompt "Name"/);
  });

  it('answers a folder or a file pick only with its own kind of answer', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'certificate', answer: { file: 'file:///keys/app.pem' } },
      { expect: 'Export', answer: { folder: 'file:///out' } },
    ]);
    await assert.rejects(
      ui.pickFolder({ title: 'Export into which folder?', openLabel: 'Export Here' }),
      /unexpected folder prompt/,
    );
    assert.equal(
      await ui.pickFile({ title: 'Add Tenant: certificate (PEM with private key)' }),
      'file:///keys/app.pem',
    );
    assert.equal(
      await ui.pickFolder({ title: 'Export into which folder?', openLabel: 'Export Here' }),
      'file:///out',
    );
    assert.deepEqual(
      ui.shown.map((s) => s.kind),
      ['folder', 'file', 'folder'],
    );
  });

  it('cancels as Escape does, which the command wrapper keeps silent', async () => {
    const ui = new ScriptedUserInput([{ expect: 'Push', answer: { cancel: true } }]);
    const err = await ui
      .confirm({ message: 'Push 2 changes?', actions: ['Push'] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof UserCancelledError);
    assert.equal(describeError(err).cancelled, true);
  });

  it('dismisses an input its validation refuses and records the message', async () => {
    const ui = new ScriptedUserInput([{ expect: 'Type', answer: { input: 'wrong' } }]);
    await assert.rejects(
      ui.input({
        prompt: 'Type contoso.com to confirm',
        validate: (v) => (v === 'contoso.com' ? undefined : 'Type contoso.com to confirm.'),
      }),
      UserCancelledError,
    );
    assert.equal(ui.shown[0]?.refused, 'Type contoso.com to confirm.');
  });

  it('refuses a button the dialog does not have', async () => {
    const ui = new ScriptedUserInput([{ expect: 'Push', answer: { confirm: 'Overwrite' } }]);
    await assert.rejects(
      ui.confirm({ message: 'Push?', actions: ['Push'] }),
      /no button "Overwrite" on "Push\?"; buttons: Push/,
    );
  });

  it('records messages without a step and answers one that has a step', async () => {
    const ui = new ScriptedUserInput([{ expect: 'failed', answer: { notice: 'Show Log' } }]);
    assert.equal(await ui.inform('Pushed 2 changes.'), undefined);
    assert.equal(await ui.warn('Sync failed.', 'Show Log', 'Retry'), 'Show Log');
    assert.deepEqual(
      ui.shown.map((s) => s.kind),
      ['inform', 'warn'],
    );
    ui.assertDone();
  });

  it('searches with the scripted text and chooses among what was found', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'user', answer: { search: 'ad', choose: ['Adele'] } },
    ]);
    const asked: string[] = [];
    const chosen = await ui.search({
      placeHolder: 'Type a user or group',
      canPickMany: true,
      key: String,
      find: (text) => {
        asked.push(text);
        return Promise.resolve([
          { label: 'Adele', value: 1 },
          { label: 'Adam', value: 2 },
        ]);
      },
    });
    assert.deepEqual(chosen, [1]);
    assert.deepEqual(asked, ['ad']);
  });

  it('says which steps were never used', () => {
    const ui = new ScriptedUserInput([{ expect: /Delete/, answer: { confirm: 'Delete' } }]);
    assert.throws(() => ui.assertDone(), /prompts never shown: \/Delete\//);
  });
});
