import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Sandbox, SANDBOX_TENANT_IDS, startSandboxServer } from '../../../src/sandbox';
import { GRAPH, TEST_EPOCH } from './graphTestClient';

const { contoso } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

interface Line {
  method: string;
  url: string;
  headers: Record<string, string>;
  requestBody: string;
  status: number;
  responseBody: unknown;
}

function lines(file: string): Line[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

describe('sandbox recording (SANDBOX_RECORD_FILE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-record-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends each Graph request and its answer from both fronts, without the token, and skips control calls', async () => {
    const file = path.join(dir, 'log.jsonl');
    const sandbox = Sandbox.create({ now: () => TEST_EPOCH, recordFile: file });
    const token = sandbox.mintToken({ tenantId: contoso });
    const headers = { authorization: `Bearer ${token}`, 'user-agent': 'Test/1' };
    await sandbox.fetch(`${GRAPH}${PARTNERS}?$select=tenantId`, { headers });
    const server = await startSandboxServer({ sandbox });
    try {
      await fetch(`${server.url}/_sandbox/tenants`);
      await fetch(`${server.url}/v1.0${PARTNERS}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"tenantId":"not a tenant"',
      });
    } finally {
      await server.close();
    }
    const [get, post, ...rest] = lines(file);
    assert.equal(rest.length, 0, 'the control call is not recorded');
    assert.deepEqual(
      [get.method, get.url, get.headers, get.requestBody, get.status],
      ['GET', `${GRAPH}${PARTNERS}?$select=tenantId`, { 'user-agent': 'Test/1' }, '', 200],
    );
    assert.ok(Array.isArray((get.responseBody as { value: unknown[] }).value));
    assert.deepEqual(
      [post.method, post.url, post.headers, post.requestBody, post.status],
      [
        'POST',
        `${server.url}/v1.0${PARTNERS}`,
        { 'user-agent': 'Test/1', 'content-type': 'application/json' },
        '{"tenantId":"not a tenant"',
        400,
      ],
    );
    assert.equal((post.responseBody as { error: { code: string } }).error.code, 'BadRequest');
    assert.ok(!fs.readFileSync(file, 'utf8').includes(token), 'no token in the recording');
  });
});
