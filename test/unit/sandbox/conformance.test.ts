import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AZURE2AZURE_USER_RULE_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  FABRIKAM_SYNC_GROUP_ID,
  SANDBOX_BOX_SERVICE_PRINCIPAL_ID,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  TAILSPIN_PILOT_GROUP_ID,
} from '../../../src/sandbox';
import { createSandbox, GraphTestClient, type Reply, type Body, prop } from './graphTestClient';

// Every documented example in test/fixtures/graph-examples (copied from the shared reference) is
// checked against the sandbox: strict-JSON request bodies must be accepted by their documented call
// with the documented status, and responses the sandbox produces must have the documented shape.

const DIR = join(__dirname, '..', '..', 'fixtures', 'graph-examples');
const { contoso, fabrikam, northwind } = SANDBOX_TENANT_IDS;
const FAB = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
const TAIL = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
const JOB = `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}`;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

interface IndexRow {
  readonly file: string;
  readonly strict: boolean;
  readonly call: string;
}

/** The table of INDEX.md: file, whether it is strict JSON, and the documented call. */
function readIndex(): IndexRow[] {
  return readFileSync(join(DIR, 'INDEX.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| `[^`]+\.json` \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return { file: cells[1].replace(/`/g, ''), strict: cells[2] === 'yes', call: cells[3] };
    });
}

function text(file: string): string {
  return readFileSync(join(DIR, file), 'utf8');
}

/** Documented responses that are not strict JSON only have trailing commas; removing them is enough to compare shapes. */
function parseDocumented(file: string, strict: boolean): Body {
  return JSON.parse(strict ? text(file) : text(file).replace(/,(\s*[}\]])/g, '$1'));
}

interface ShapeCheck {
  readonly file: string;
  /** Property names skipped wherever they are (ResponseCase.docDefects). */
  readonly ignore: ReadonlySet<string>;
  /** Paths where the sandbox's data is null or empty although the example has data (ResponseCase.unsetHere). */
  readonly unset: ReadonlySet<string>;
}

/**
 * What the items of an example list have in common: for objects, the properties every item has
 * (each the common shape of its values, null only where every item is null); otherwise the first
 * item. The steps of a provisioning answer differ in their `details`, so only what all of them
 * show is asked of every step the sandbox sends. Undefined for an empty list.
 */
function commonShape(items: readonly Body[]): Body {
  if (items.length === 0) return undefined;
  const isObject = (v: Body) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!items.every(isObject)) return items[0];
  const keys = Object.keys(items[0]).filter((k) => items.every((item) => k in item));
  return Object.fromEntries(
    keys.map((k) => {
      const values = items
        .map((item) => (item as Record<string, unknown>)[k])
        .filter((v) => v !== null);
      if (values.length === 0) return [k, null];
      if (values.every(Array.isArray))
        return [k, [commonShape(values.flat())].filter((v) => v !== undefined)];
      return [k, commonShape(values)];
    }),
  );
}

/**
 * Checks that `actual` has every property `documented` has (recursively), with the same JSON type.
 * Where the example has data, the sandbox must have data too: `null` or an empty list where the
 * example shows a value or items fails (the case must arrange data that has them, or name the path
 * in `unsetHere` with its reason). Only where the example itself is null is any value accepted (the
 * property is nullable and the example says nothing more). Every item of a list is checked against
 * what the example's items have in common (commonShape; empty placeholders ({}) left out).
 */
function assertShape(actual: Body, documented: Body, path: string, check: ShapeCheck): void {
  const at = `${check.file}${path}`;
  if (documented === null) return;
  if (check.unset.has(path) && (actual === null || (Array.isArray(actual) && !actual.length)))
    return;
  assert.notEqual(actual, null, `${at}: null where the example has ${JSON.stringify(documented)}`);
  if (Array.isArray(documented)) {
    assert.ok(Array.isArray(actual), `${at}: expected an array, got ${JSON.stringify(actual)}`);
    const sample = commonShape(
      documented.filter(
        (d: Body) => !(typeof d === 'object' && d !== null && Object.keys(d).length === 0),
      ),
    );
    if (sample === undefined) return;
    assert.ok(actual.length > 0, `${at}: an empty list where the example has items`);
    actual.forEach((item: Body, i: number) => assertShape(item, sample, `${path}[${i}]`, check));
    return;
  }
  if (typeof documented === 'object') {
    assert.ok(
      typeof actual === 'object' && !Array.isArray(actual),
      `${at}: expected an object, got ${JSON.stringify(actual)}`,
    );
    for (const key of Object.keys(documented)) {
      if (key.startsWith('@odata.') || check.ignore.has(key)) continue;
      assert.ok(key in actual, `${at}.${key} is missing`);
      assertShape(actual[key], documented[key], `${path}.${key}`, check);
    }
    return;
  }
  assert.equal(typeof actual, typeof documented, `${at}: expected a ${typeof documented}`);
}

interface Context {
  readonly client: (tenant: string) => GraphTestClient;
}

/** A Fabrikam-scope user with a plain mail, for on-demand examples. */
async function syncedUser(ctx: Context): Promise<string> {
  const members = (
    await ctx
      .client(contoso)
      .get(`/groups/${FABRIKAM_SYNC_GROUP_ID}/members?$select=id,mail,accountEnabled&$top=999`)
  ).body.value;
  return String(
    members.find(
      (m: Body) =>
        m.accountEnabled === true && /^[a-z]+\.[a-z]+@contoso\.com$/.test(String(m.mail)),
    ).id,
  );
}

interface RequestCase {
  readonly tenant: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Documented placeholder ids → sandbox ids (the body shape is untouched). */
  readonly ids?: (ctx: Context) => Promise<Record<string, string>>;
}

/** Each strict request example, sent to its documented operation on sandbox objects. */
const REQUESTS: Readonly<Record<string, RequestCase>> = {
  'policy-update.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy',
    status: 204,
  },
  'default-update.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/default',
    status: 204,
  },
  'default-update-idpconfiguration.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/default',
    status: 204,
  },
  'default-update-idpconfiguration-nomsa.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/default',
    status: 204,
  },
  'partner-create.request.json': { tenant: contoso, method: 'POST', path: PARTNERS, status: 201 },
  'partner-update-inboundtrust.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: `${PARTNERS}/${fabrikam}`,
    status: 204,
  },
  'partner-update-automaticuserconsent.request.json': {
    tenant: contoso,
    method: 'PATCH',
    path: `${PARTNERS}/${fabrikam}`,
    status: 204,
  },
  'identitysync-put.request.json': {
    tenant: contoso,
    method: 'PUT',
    path: `${PARTNERS}/${fabrikam}/identitySynchronization`,
    status: 204,
  },
  'identitysync-update.request.json': {
    tenant: fabrikam,
    method: 'PATCH',
    path: `${PARTNERS}/${contoso}/identitySynchronization`,
    status: 204,
  },
  'applicationtemplate-instantiate.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`,
    status: 201,
  },
  'syncjob-create.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `/servicePrincipals/${SANDBOX_BOX_SERVICE_PRINCIPAL_ID}/synchronization/jobs`,
    status: 201,
  },
  'syncjob-restart.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `${JOB}/restart`,
    status: 204,
  },
  'secrets-put.request.json': {
    tenant: contoso,
    method: 'PUT',
    path: `/servicePrincipals/${SANDBOX_BOX_SERVICE_PRINCIPAL_ID}/synchronization/secrets`,
    status: 204,
  },
  'syncjob-provisionondemand.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `${JOB}/provisionOnDemand`,
    status: 200,
    ids: async (ctx) => ({
      'ea807875-5618-4f0a-9125-0b46a05298ca': AZURE2AZURE_USER_RULE_ID,
      '9bb0f679-a883-4a6f-8260-35b491b8b8c8': await syncedUser(ctx),
    }),
  },
  'syncjob-provisionondemand-ad2aad.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `${JOB}/provisionOnDemand`,
    status: 200,
    ids: async (ctx) => ({
      '6c409270-f78a-4bc6-af23-7cf3ab6482fe': AZURE2AZURE_USER_RULE_ID,
      'CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com': await syncedUser(ctx),
    }),
  },
  'approleassignedto-create.request.json': {
    tenant: contoso,
    method: 'POST',
    path: `/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`,
    status: 201,
    ids: () =>
      Promise.resolve({
        '33ad69f9-da99-4bed-acd0-3f24235cb296': TAILSPIN_PILOT_GROUP_ID,
        '9028d19c-26a9-4809-8e3f-20ff73e2d75e': FAB.servicePrincipalId,
        'ef7437e6-4f94-4a0a-a110-a439eb2aa8f7': FAB.appRoleId,
      }),
  },
};

async function sendExample(file: string, ctx: Context): Promise<Reply> {
  const c = REQUESTS[file];
  let body = text(file);
  for (const [from, to] of Object.entries((await c.ids?.(ctx)) ?? {}))
    body = body.split(from).join(to);
  return ctx.client(c.tenant).send(c.method, c.path, body, { 'content-type': 'application/json' });
}

interface ResponseCase {
  /**
   * Properties of the sample that are documentation mistakes (graph-examples/INDEX.md) or not in
   * the v1.0 metadata (beta-only names in a v1.0 sample), not skipped otherwise.
   */
  readonly docDefects?: readonly string[];
  /**
   * Paths (from the compared body, e.g. `.value.modifiedProperties`) where the sandbox answers null
   * or an empty list although the example shows data, each with the reason. Anywhere else, data in
   * the example must be matched by data in the answer.
   */
  readonly unsetHere?: Readonly<Record<string, string>>;
  /** What to compare: the sandbox body (or part of it) and the documented body (or part of it). */
  readonly produce: (ctx: Context, documented: Body) => Promise<{ actual: Body; documented: Body }>;
}

const got = async (ctx: Context, tenant: string, path: string): Promise<Body> => {
  const reply = await ctx.client(tenant).get(path);
  assert.equal(reply.status, 200, `GET ${path}: ${JSON.stringify(reply.body)}`);
  return reply.body;
};
const sent = async (ctx: Context, file: string, status: number): Promise<Body> => {
  const reply = await sendExample(file, ctx);
  assert.equal(reply.status, status, `${file}: ${JSON.stringify(reply.body)}`);
  return reply.body;
};
const first = (collection: Body): Body => collection.value[0];

const RESPONSES: Readonly<Record<string, ResponseCase>> = {
  // The sample wraps the entity in "value" and shows "definition"; both are documented doc errors.
  'policy-get.response.json': {
    docDefects: ['definition'],
    produce: async (ctx, doc) => {
      const body = await got(ctx, contoso, '/policies/crossTenantAccessPolicy');
      assert.equal(body.value, undefined, 'the real response is the entity itself');
      return { actual: body, documented: doc.value };
    },
  },
  'default-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, northwind, '/policies/crossTenantAccessPolicy/default'),
      documented: doc,
    }),
  },
  // The example's partner has B2B direct connect inbound set: so has Contoso's Northwind partner.
  'partners-list.response.json': {
    produce: async (ctx, doc) => ({
      actual: (await got(ctx, contoso, PARTNERS)).value.find((p: Body) => p.tenantId === northwind),
      documented: first(doc),
    }),
  },
  'partners-list-expand-identitysync.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(
        ctx,
        fabrikam,
        `${PARTNERS}?$select=tenantId&$expand=identitySynchronization`,
      ),
      documented: doc,
    }),
  },
  'partner-create.response.json': {
    produce: async (ctx, doc) => ({
      actual: await sent(ctx, 'partner-create.request.json', 201),
      documented: doc,
    }),
  },
  'partner-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, contoso, `${PARTNERS}/${northwind}`),
      documented: doc,
    }),
  },
  'identitysync-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, fabrikam, `${PARTNERS}/${contoso}/identitySynchronization`),
      documented: doc,
    }),
  },
  'tenantinfo-bytenantid.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(
        ctx,
        contoso,
        `/tenantRelationships/findTenantInformationByTenantId(tenantId='${fabrikam}')`,
      ),
      documented: doc,
    }),
  },
  'tenantinfo-bydomainname.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(
        ctx,
        contoso,
        "/tenantRelationships/findTenantInformationByDomainName(domainName='fabrikam.com')",
      ),
      documented: doc,
    }),
  },
  // The sample shows two beta-only properties; the v1.0 metadata has neither, so the sandbox serves neither.
  'organization-get.response.json': {
    docDefects: ['isMultipleDataLocationsForServicesEnabled', 'directorySizeQuota'],
    unsetHere: {
      '.partnerTenantType':
        'the example is a reseller (ResellerPartnerDelegatedAdmin); no sandbox tenant is a partner tenant, and Graph gives null for those',
    },
    produce: async (ctx, doc) => ({
      actual: await got(ctx, contoso, `/organization/${contoso}`),
      documented: doc,
    }),
  },
  // servicePrincipal.publisherName in the sample is beta-only: not in the v1.0 metadata, not served.
  'applicationtemplate-instantiate.response.json': {
    docDefects: ['publisherName'],
    unsetHere: {
      '.servicePrincipal.alternativeNames':
        "Microsoft documents alternativeNames for managed identities (subscription, resource ids); the sandbox's choice for an instantiated app is none",
    },
    produce: async (ctx, doc) => ({
      actual: await sent(ctx, 'applicationtemplate-instantiate.request.json', 201),
      documented: doc,
    }),
  },
  'syncjobs-list.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(
        ctx,
        contoso,
        `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs`,
      ),
      documented: doc,
    }),
  },
  'syncjob-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(
        ctx,
        contoso,
        `/servicePrincipals/${TAIL.servicePrincipalId}/synchronization/jobs/${TAIL.jobId}`,
      ),
      documented: doc,
    }),
  },
  'syncjob-create.response.json': {
    produce: async (ctx, doc) => ({
      actual: await sent(ctx, 'syncjob-create.request.json', 201),
      documented: doc,
    }),
  },
  'syncschema-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, contoso, `${JOB}/schema`),
      documented: doc,
    }),
  },
  'approleassignedto-create.response.json': {
    produce: async (ctx, doc) => ({
      actual: await sent(ctx, 'approleassignedto-create.request.json', 201),
      documented: doc,
    }),
  },
  // key and value are JSON documents inside strings: compare the documents. The sample is a skip, so
  // the example is sent twice: the second run finds the user already in the target (RedundantExport).
  'syncjob-provisionondemand.response.json': {
    unsetHere: {
      '.value.modifiedProperties':
        "the example's skipped answer (RedundantExport) lists the attributes it compared, old values null; the sandbox lists none for a skip. Known difference, not yet matched",
    },
    produce: async (ctx, doc) => {
      await sent(ctx, 'syncjob-provisionondemand.request.json', 200);
      const body = await sent(ctx, 'syncjob-provisionondemand.request.json', 200);
      assert.equal(typeof body.key, 'string');
      assert.equal(typeof body.value, 'string');
      return {
        actual: { key: JSON.parse(body.key), value: JSON.parse(body.value) },
        documented: { key: JSON.parse(doc.key), value: JSON.parse(doc.value) },
      };
    },
  },
  'provisioning-list-error.response.json': {
    produce: async (ctx, doc) => ({
      actual: first(
        await got(
          ctx,
          contoso,
          "/auditLogs/provisioning?$filter=provisioningStatusInfo/status eq 'failure'&$top=1",
        ),
      ),
      documented: first(doc),
    }),
  },
  // The sample says "initiatingType" where the metadata (and the other sample) has initiatorType.
  'provisioning-list.response.json': {
    docDefects: ['initiatingType'],
    produce: async (ctx, doc) => ({
      actual: first(
        await got(
          ctx,
          contoso,
          "/auditLogs/provisioning?$filter=provisioningAction eq 'create'&$top=1",
        ),
      ),
      documented: first(doc),
    }),
  },
  'mto-get.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, contoso, '/tenantRelationships/multiTenantOrganization'),
      documented: doc,
    }),
  },
  'mto-get-notmember.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, northwind, '/tenantRelationships/multiTenantOrganization'),
      documented: doc,
    }),
  },
  'mto-tenants-list.response.json': {
    produce: async (ctx, doc) => ({
      actual: await got(ctx, contoso, '/tenantRelationships/multiTenantOrganization/tenants'),
      documented: doc,
    }),
  },
};

function context(): Context {
  const { sandbox } = createSandbox();
  const clients = new Map<string, GraphTestClient>();
  return {
    client: (tenant) => {
      if (!clients.has(tenant))
        clients.set(
          tenant,
          new GraphTestClient(sandbox, tenant, {
            scp: [
              'Policy.ReadWrite.CrossTenantAccess',
              'CrossTenantInformation.ReadBasic.All',
              'Organization.Read.All',
              'Application.ReadWrite.All',
              'Synchronization.ReadWrite.All',
              'AppRoleAssignment.ReadWrite.All',
              'AuditLog.Read.All',
              'Directory.Read.All',
              'MultiTenantOrganization.Read.All',
            ],
          }),
        );
      return clients.get(tenant)!;
    },
  };
}

describe('sandbox conformance with the documented Graph examples', () => {
  const index = readIndex();

  it('has the fixtures INDEX.md lists, and its "strict JSON" column is right', () => {
    assert.ok(index.length >= 40);
    for (const row of index) {
      let strict = true;
      try {
        JSON.parse(text(row.file));
      } catch {
        strict = false;
      }
      assert.equal(strict, row.strict, row.file);
    }
  });

  it('covers every strict request example and every response example', () => {
    const requests = index
      .filter((r) => r.file.endsWith('.request.json') && r.strict)
      .map(prop('file'));
    assert.deepEqual(Object.keys(REQUESTS).sort(), requests.sort());
    assert.deepEqual(
      Object.keys(RESPONSES).sort(),
      index
        .filter((r) => r.file.endsWith('.response.json'))
        .map(prop('file'))
        .sort(),
    );
  });

  for (const file of Object.keys(REQUESTS)) {
    it(`accepts ${file} (${REQUESTS[file].method} → ${REQUESTS[file].status})`, async () => {
      const reply = await sendExample(file, context());
      assert.equal(reply.status, REQUESTS[file].status, JSON.stringify(reply.body));
      assert.equal(
        reply.body === null,
        REQUESTS[file].status === 204,
        'a 204 has no body, other successes have one',
      );
    });
  }

  for (const [file, c] of Object.entries(RESPONSES)) {
    it(`answers with the documented shape of ${file}`, async () => {
      const row = index.find((r) => r.file === file)!;
      const { actual, documented } = await c.produce(context(), parseDocumented(file, row.strict));
      assertShape(actual, documented, '', {
        file,
        ignore: new Set(c.docDefects ?? []),
        unset: new Set(Object.keys(c.unsetHere ?? {})),
      });
    });
  }
});
