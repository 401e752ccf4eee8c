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
    assert.equal((await client.get("/users?$filter=favouriteColour eq 'blue'")).status, 400);
  });

  it('matches startswith on name, user principal name or mail joined by or, by default', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const any = (text: string) =>
      `startswith(displayName,'${text}') or startswith(userPrincipalName,'${text}') or startswith(mail,'${text}')`;
    const byUpn = await client.get(`/users?$filter=${any('ADELE.CHEN')}&$select=displayName`);
    assert.equal(byUpn.status, 200, JSON.stringify(byUpn.body));
    assert.deepEqual(byUpn.body.value.map(prop('displayName')), ['Adele Chen']);
    const byName = await client.get(`/users?$filter=${any('Adele C')}&$select=displayName`);
    assert.deepEqual(byName.body.value.map(prop('displayName')), ['Adele Chen']);
    // The same query as an advanced one answers the same.
    const eventual = await client.get(
      `/users?$filter=${any('adele.chen')}&$count=true&$select=displayName`,
      EVENTUAL,
    );
    assert.deepEqual(eventual.body.value.map(prop('displayName')), ['Adele Chen']);
    const groups = await client.get(
      "/groups?$filter=startswith(displayName,'all emp') or startswith(mail,'all emp')",
    );
    assert.deepEqual(groups.body.value.map(prop('displayName')), ['All Employees']);
    assert.equal(
      (await client.get("/groups?$filter=startswith(userPrincipalName,'x')")).status,
      400,
      'groups have no user principal name',
    );
  });

  it('answers ne, not and endswith on addresses only in an advanced query', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const filter of [
      "endswith(mail,'@contoso.com')",
      'accountEnabled ne true',
      "not startswith(displayName,'a')",
    ]) {
      const plain = await client.get(`/users?$filter=${filter}&$top=1`);
      assert.equal(plain.status, 400, filter);
      assert.equal(plain.body.error.code, 'Request_UnsupportedQuery');
      assert.match(plain.body.error.message, /\$count=true .*ConsistencyLevel:eventual/);
      assert.equal((await client.get(`/users?$filter=${filter}&$top=1`, EVENTUAL)).status, 400);
      const advanced = await client.get(`/users?$filter=${filter}&$count=true&$top=1`, EVENTUAL);
      assert.equal(advanced.status, 200, `${filter}: ${JSON.stringify(advanced.body)}`);
    }
    assert.equal(
      (await client.get("/users?$filter=endswith(displayName,'n')&$count=true", EVENTUAL)).status,
      400,
      'endsWith is for addresses only',
    );
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
    const sortedFilter = "/users?$orderby=displayName&$filter=startswith(displayName,'a')";
    assert.equal((await client.get(sortedFilter)).status, 400);
    assert.equal((await client.get(sortedFilter, EVENTUAL)).status, 400, 'needs $count=true too');
    assert.equal((await client.get(`${sortedFilter}&$count=true`, EVENTUAL)).status, 200);
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
