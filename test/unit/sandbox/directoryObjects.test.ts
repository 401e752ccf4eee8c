import assert from 'node:assert/strict';
import { FABRIKAM_SYNC_GROUP_ID, SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient, readAll, type Body, prop, props } from './graphTestClient';

const { contoso, fabrikam } = SANDBOX_TENANT_IDS;
const EVENTUAL = { consistencylevel: 'eventual' };

describe('sandbox users and groups', () => {
  it('lists users with the default property set, paged at 100 by default', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const first = await client.get('/users');
    assert.equal(first.body.value.length, 100);
    assert.ok(first.body['@odata.nextLink']);
    assert.deepEqual(Object.keys(first.body.value[0]).sort(), [
      'businessPhones',
      'displayName',
      'givenName',
      'id',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
    ]);
    const { values } = await readAll(client, '/users?$top=250&$select=id');
    assert.ok(values.length > 480);
    assert.equal(new Set(values.map(prop('id'))).size, values.length);
  });

  it('filters with startswith(displayName, …) case-insensitively, and with eq', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const reply = await client.get(
      "/users?$filter=startswith(displayName,'MA')&$select=displayName",
    );
    assert.ok(reply.body.value.length > 0);
    assert.ok(
      reply.body.value.every((u: Body) => String(u.displayName).toLowerCase().startsWith('ma')),
    );
    const admin = await client.get(
      "/users?$filter=userPrincipalName eq 'ADMIN@contoso.onmicrosoft.com'&$select=id,userType",
    );
    assert.equal(admin.body.value.length, 1);
    assert.equal((await client.get("/users?$filter=endswith(mail,'.com')")).status, 400);
    assert.equal((await client.get("/users?$filter=favouriteColour eq 'blue'")).status, 400);
  });

  it('supports $search with ConsistencyLevel: eventual, and refuses it without', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.get('/users?$search="displayName:ada"')).status, 400);
    const found = await client.get(
      '/users?$search="displayName:mar"&$count=true&$select=displayName',
      EVENTUAL,
    );
    assert.equal(found.status, 200);
    assert.equal(found.body['@odata.count'], found.body.value.length);
    assert.ok(found.body.value.every((u: Body) => /\bmar/i.test(u.displayName)));
  });

  it('caps $top at 999 and sorts by displayName', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.get('/users?$top=1000')).status, 400);
    const sorted = (
      await client.get('/users?$orderby=displayName&$top=20&$select=displayName')
    ).body.value.map(prop('displayName'));
    assert.deepEqual(
      sorted,
      [...sorted].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    assert.equal(
      (await client.get("/users?$orderby=displayName&$filter=startswith(displayName,'a')")).status,
      400,
    );
  });

  it('gets a user by id or user principal name; 404 otherwise', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const byUpn = await client.get(
      '/users/admin@contoso.onmicrosoft.com?$select=id,accountEnabled',
    );
    assert.equal(byUpn.body.accountEnabled, true);
    assert.equal(
      (await client.get(`/users/${byUpn.body.id}`)).body.userPrincipalName,
      'admin@contoso.onmicrosoft.com',
    );
    assert.equal((await client.get('/users/nobody@contoso.com')).status, 404);
  });

  it('lists groups and members, and shows synced B2B members in the target tenant', async () => {
    const { sandbox } = createSandbox();
    const contosoClient = new GraphTestClient(sandbox, contoso);
    const groups = await contosoClient.get("/groups?$filter=startswith(displayName,'Sync')");
    assert.deepEqual(groups.body.value.map(props('id', 'displayName')), [
      [FABRIKAM_SYNC_GROUP_ID, 'Sync - Fabrikam Retail'],
    ]);
    const members = await readAll(
      contosoClient,
      `/groups/${FABRIKAM_SYNC_GROUP_ID}/members?$select=id,displayName`,
    );
    assert.ok(members.values.length > 250);
    const external = await new GraphTestClient(sandbox, fabrikam).get(
      "/users?$filter=userType eq 'Member' and creationType eq 'Invitation'&$top=999&$select=userPrincipalName",
    );
    assert.ok(
      external.body.value.length > 200,
      'users provisioned from Contoso are members of Fabrikam',
    );
    assert.ok(
      external.body.value.every((u: Body) =>
        /#EXT#@fabrikamretail\.onmicrosoft\.com$/.test(u.userPrincipalName),
      ),
    );
  });
});
