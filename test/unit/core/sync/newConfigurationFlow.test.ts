import assert from 'node:assert/strict';
import type { ProgressReport } from '../../../../src/core/ports/progress';
import {
  newConfigurationFlow,
  type NewConfigurationHost,
  type NewConfigurationWords,
} from '../../../../src/core/sync/newConfigurationFlow';
import { readSyncSettings } from '../../../../src/core/sync/savedSyncSettings';
import { UserCancelledError } from '../../../../src/core/userCancelledError';
import { ScriptedUserInput, type Step } from '../../../support/scriptedUserInput';
import { SandboxFixture } from '../graph/support/sandbox';
import { TENANTS } from '../pairs/flowHost';

const { contoso, fabrikam, woodgrove } = TENANTS;

const WORDS: NewConfigurationWords = {
  targetTitle: (s) => `Sync users from ${s} to…`,
  targetPlaceHolder: 'The target tenant',
  anotherTenant: 'Another tenant, by id or domain…',
  anotherTitle: 'Target tenant',
  anotherPrompt: 'Tenant id or verified domain',
  title: 'New sync configuration',
  namePrompt: 'Name of the configuration',
  nameMissing: 'Enter a name.',
  emailPrompt: 'Email for notices (optional)',
  creating: (name) => `New sync configuration "${name}"`,
  steps: {
    instantiate: 'Creating',
    waitForServicePrincipal: 'Waiting',
    createJob: 'Creating the job',
    saveCredentials: 'Saving credentials',
    testConnection: 'Testing',
  },
};

describe('newConfigurationFlow (New Sync Configuration) against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  function host(ui: ScriptedUserInput): NewConfigurationHost & {
    readonly reports: ProgressReport[];
    readonly changes: number[];
  } {
    const reports: ProgressReport[] = [];
    const changes: number[] = [];
    return {
      reports,
      changes,
      ui,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      progress: (_title, work) => work((r) => reports.push(r), new AbortController().signal),
      source: contoso,
      client: fx.client(contoso.tenantId),
      tenants: Object.values(TENANTS),
      changed: () => changes.push(changes.length + 1),
    };
  }

  const created = (): string[] =>
    fx.log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.operation}`);

  const nameAndEmail = (name: string, email: string): Step[] => [
    { expect: 'Name of the configuration', answer: { input: name } },
    { expect: 'Email for notices', answer: { input: email } },
  ];

  it('offers the other tenants, asks name and email, creates the configuration and tests it', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users from Contoso Group to…', answer: { pick: 'Fabrikam Retail' } },
      ...nameAndEmail(' Fabrikam Two ', 'ops@contoso.com'),
    ]);
    const h = host(ui);
    const result = await newConfigurationFlow(h, WORDS);
    ui.assertDone();
    assert.deepEqual(ui.shown[0].choices, [
      'Fabrikam Retail',
      'Northwind Traders',
      'Tailspin Toys',
      'Woodgrove Bank',
      'Another tenant, by id or domain…',
    ]);
    // The name is proposed from the target, and trimmed.
    assert.equal(result.name, 'Fabrikam Two');
    assert.equal(result.targetTenantId, fabrikam.tenantId);
    assert.deepEqual(result.test, { ok: true });
    assert.deepEqual(
      h.reports.map((r) => r.message),
      ['Creating…', 'Waiting…', 'Creating the job…', 'Saving credentials…', 'Testing…'],
    );
    assert.deepEqual(created(), [
      'POST syncTemplate.instantiate',
      'POST syncJob.create',
      'PUT syncSecrets.put',
      'POST syncJob.validateCredentials',
    ]);
    // What was saved: the target, the email, the starting deletion threshold.
    const saved = await readSyncSettings(fx.client(contoso.tenantId), result.servicePrincipalId);
    assert.ok(saved.readable);
    assert.equal(saved.companyId, fabrikam.tenantId);
    assert.equal(saved.notifications?.recipients, 'ops@contoso.com');
    assert.equal(saved.notifications?.deleteThresholdValue, 500);
    assert.deepEqual(h.changes, [1]);
  });

  it('looks another tenant up by domain before creating anything; a failed connection test is a result', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users from', answer: { pick: 'Another tenant, by id or domain…' } },
      {
        expect: 'Tenant id or verified domain',
        answer: { input: 'woodgrovebank.onmicrosoft.com' },
      },
      { expect: 'Name of the configuration', answer: { input: 'Woodgrove Bank' } },
      { expect: 'Email for notices', answer: { input: '' } },
    ]);
    const result = await newConfigurationFlow({ ...host(ui), tenants: [contoso] }, WORDS);
    ui.assertDone();
    assert.equal(result.targetTenantId, woodgrove.tenantId);
    assert.equal(result.test.ok, false);
    assert.ok(
      !result.test.ok &&
        result.test.explanation.some(
          (p) =>
            p.tenant === 'target' &&
            p.setting === 'identitySynchronization.userSyncInbound.isSyncAllowed',
        ),
    );
  });

  it('refuses what is not a tenant id or domain in the prompt, and creates nothing', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users from', answer: { pick: 'Another tenant, by id or domain…' } },
      { expect: 'Tenant id or verified domain', answer: { input: 'not a tenant' } },
    ]);
    const h = host(ui);
    await assert.rejects(newConfigurationFlow(h, WORDS), UserCancelledError);
    assert.equal(ui.shown.at(-1)?.refused, 'Not a tenant id (GUID) or a domain name.');
    assert.equal(fx.log.length, 0, 'nothing was asked of Graph');
    assert.deepEqual(h.changes, []);
  });

  it('an empty name is refused; dismissing the email prompt creates nothing', async () => {
    const empty = new ScriptedUserInput([
      { expect: 'Sync users from', answer: { pick: 'Woodgrove Bank' } },
      { expect: 'Name of the configuration', answer: { input: ' ' } },
    ]);
    await assert.rejects(newConfigurationFlow(host(empty), WORDS), UserCancelledError);
    assert.equal(empty.shown.at(-1)?.refused, 'Enter a name.');
    const dismissed = new ScriptedUserInput([
      { expect: 'Sync users from', answer: { pick: 'Woodgrove Bank' } },
      { expect: 'Name of the configuration', answer: { input: 'Woodgrove Bank' } },
      { expect: 'Email for notices', answer: { cancel: true } },
    ]);
    await assert.rejects(newConfigurationFlow(host(dismissed), WORDS), UserCancelledError);
    assert.deepEqual(created(), []);
  });
});
