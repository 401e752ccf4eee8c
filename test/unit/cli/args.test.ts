import { DEFAULT_GRAPH_LIMITS } from '../../../src/core/graph/limits';
import type { TokenCredential } from '@azure/core-auth';
import assert from 'node:assert/strict';
import * as path from 'path';
import { getCloud } from '../../../src/core/auth/clouds';
import { CliError, parseArgs } from '../../../src/cli/args';
import {
  appOnlyCredential,
  connect,
  environmentCredential,
  environmentCredentialKind,
} from '../../../src/cli/connection';
import { packageRoot } from '../../../src/cli/files';

describe('cross-tenant arguments', () => {
  it('options anywhere, in both spellings; -- ends them', () => {
    const parsed = parseArgs([
      '--json',
      'push',
      '-y',
      'a.xta-partner.json',
      '--sandbox=http://127.0.0.1:1',
      '--cloud',
      'usGov',
    ]);
    assert.deepEqual(
      [parsed.command, parsed.positionals, parsed.json, parsed.yes, parsed.sandbox, parsed.cloud],
      ['push', ['a.xta-partner.json'], true, true, 'http://127.0.0.1:1', 'usGov'],
    );
    assert.deepEqual(parseArgs(['validate', '--', '--odd-name.xta-policy.json']).positionals, [
      '--odd-name.xta-policy.json',
    ]);
    assert.deepEqual(
      [parseArgs(['export', '--tenant', 'contoso.com', '--out', 'x']).tenant, parseArgs([]).cloud],
      ['contoso.com', 'global'],
    );
  });

  const refused: [string[], RegExp][] = [
    [['frob'], /Unknown command "frob"/],
    [['push', '--overwrite', 'f'], /Unknown option --overwrite/],
    [['diff', '--force', 'f'], /--force does not apply to diff/],
    [['export', '--tenant'], /--tenant needs a value/],
    [['export', '--out', '--json'], /--out needs a value/],
    [['drift', '--yes', 'd'], /--yes does not apply to drift/],
    [['push', '--tenant', 'x', 'f'], /--tenant does not apply to push/],
    [['drift', '--cloud', 'mars', 'd'], /Unknown cloud "mars"/],
    [['push', '--yes=1', 'f'], /Unknown option --yes=1/],
    [
      ['drift', '--device-code', '--sandbox', 'http://127.0.0.1:1', 'd'],
      /--device-code signs in to Microsoft Entra; the sandbox needs no sign-in/,
    ],
  ];
  for (const [argv, message] of refused) {
    it(`refuses ${argv.join(' ')}`, () =>
      assert.throws(
        () => parseArgs(argv),
        (err: unknown) => err instanceof CliError && message.test(err.message),
      ));
  }
});

describe('cross-tenant credentials from the environment', () => {
  const table: [Record<string, string>, string | RegExp][] = [
    [{}, /No credentials: set AZURE_CLIENT_ID/],
    [{ AZURE_CLIENT_ID: 'app' }, /AZURE_CLIENT_ID is set but no secret/],
    [{ AZURE_CLIENT_ID: 'app', AZURE_CLIENT_SECRET: 's' }, 'clientSecret'],
    [{ AZURE_CLIENT_ID: 'app', AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem' }, 'certificate'],
    [{ AZURE_CLIENT_ID: 'app', AZURE_FEDERATED_TOKEN_FILE: '/t' }, 'workloadIdentity'],
    [
      { AZURE_CLIENT_ID: 'app', AZURE_CLIENT_SECRET: 's', AZURE_FEDERATED_TOKEN_FILE: '/t' },
      'clientSecret',
    ],
  ];
  for (const [env, expected] of table) {
    it(`${Object.keys(env).join(' + ') || 'nothing'} → ${String(expected)}`, () => {
      if (typeof expected === 'string') assert.equal(environmentCredentialKind(env), expected);
      else assert.throws(() => environmentCredentialKind(env), expected);
    });
  }

  it('asks for <graph host>/.default of the chosen cloud, whatever scopes the Graph client names', async () => {
    const asked: unknown[] = [];
    const fake: TokenCredential = {
      getToken: (scopes) => (
        asked.push(scopes),
        Promise.resolve({ token: 't', expiresOnTimestamp: 1 })
      ),
    };
    const credential = appOnlyCredential(() => Promise.resolve(fake), getCloud('usGov'), 'x');
    assert.deepEqual(
      await credential.getToken([
        'https://graph.microsoft.us/Policy.Read.All',
        'https://graph.microsoft.us/User.Read',
      ]),
      { token: 't', expiresOnTimestamp: 1 },
    );
    assert.deepEqual(asked, ['https://graph.microsoft.us/.default']);
  });

  it('a credential that cannot be made or used names tenant, authority and app, never the secret', async () => {
    const credential = environmentCredential(
      {
        AZURE_CLIENT_ID: '00000000-0000-4000-8000-000000000001',
        AZURE_CLIENT_SECRET: 'hunter2-secret-value',
        AZURE_AUTHORITY_HOST: 'http://127.0.0.1:9',
      },
      '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24',
      getCloud('global'),
    );
    await assert.rejects(
      credential.getToken('https://graph.microsoft.com/Policy.Read.All'),
      (err: Error) => {
        assert.match(
          err.message,
          /^Could not get a token for tenant 2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24 from http:\/\/127\.0\.0\.1:9 \(app 00000000-0000-4000-8000-000000000001, client secret from AZURE_CLIENT_SECRET\): .*https/,
        );
        assert.doesNotMatch(err.message, /hunter2/);
        return true;
      },
    );
  });
});

describe('cross-tenant endpoints from the environment', () => {
  const secret = { AZURE_CLIENT_ID: 'app', AZURE_CLIENT_SECRET: 's' };
  const limits = { ...DEFAULT_GRAPH_LIMITS, signal: new AbortController().signal };

  it('CROSS_TENANT_GRAPH_URL replaces the Graph host, and says so; a bad one is one clear line', () => {
    const connection = connect({
      cloud: 'usGov',
      env: { ...secret, CROSS_TENANT_GRAPH_URL: 'http://127.0.0.1:8787/' },
      limits,
    });
    assert.equal(
      connection.description,
      'Microsoft Graph (US Government (GCC High, L4)) at http://127.0.0.1:8787',
    );
    const client = connection.client('2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24');
    assert.equal(client.versionUrl, 'http://127.0.0.1:8787/v1.0');
    assert.equal(client.cloud.graphHost, 'https://graph.microsoft.us', 'tokens stay for the cloud');
    assert.throws(
      () =>
        connect({ cloud: 'global', env: { ...secret, CROSS_TENANT_GRAPH_URL: 'graph' }, limits }),
      (err: unknown) =>
        err instanceof CliError && /CROSS_TENANT_GRAPH_URL must be a URL/.test(err.message),
    );
  });

  it('--device-code needs no app credentials; without it they are required', () => {
    assert.doesNotThrow(() =>
      connect({ cloud: 'global', env: {}, limits, deviceCode: () => undefined }),
    );
    assert.throws(() => connect({ cloud: 'global', env: {}, limits }), /No credentials/);
  });
});

describe('cross-tenant package root', () => {
  it('is found from the sources and from a bundle folder next to them', () => {
    const root = path.resolve(__dirname, '../../..');
    assert.equal(packageRoot(path.join(root, 'src', 'cli')), root);
    assert.equal(packageRoot(path.join(root, 'dist')), root);
    assert.throws(() => packageRoot(path.parse(root).root), /Cannot find the package's schemas/);
  });
});
