import { PERMISSIONS } from '../auth/permissions';
import { resourceNotFound, unsupportedQuery } from '../errors';
import { odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, type JsonObject, str } from '../json';
import { compileFilter, type FilterProperty, type FilterSchema } from '../odata/filter';
import { collectionBody, pageByOffset } from '../odata/paging';
import { compileSearch } from '../odata/search';
import { applySelect, parseSelect } from '../odata/select';
import { tenantUsers } from '../sync/syncedUser';

// aad-advanced-queries: startsWith and eq work by default; ne (like not) on every property with eq,
// and endsWith on mail and userPrincipalName, only in an advanced query.
const TEXT: FilterProperty = {
  type: 'string',
  operators: ['eq', 'ne', 'startswith'],
  advanced: ['ne'],
};
const ADDRESS: FilterProperty = {
  type: 'string',
  operators: ['eq', 'ne', 'startswith', 'endswith'],
  advanced: ['ne', 'endswith'],
};
const KEY: FilterProperty = { type: 'string', operators: ['eq', 'ne'], advanced: ['ne'] };
const FLAG: FilterProperty = { type: 'boolean', operators: ['eq', 'ne'], advanced: ['ne'] };
const DATE: FilterProperty = {
  type: 'datetime',
  operators: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  advanced: ['ne'],
};

interface DirectoryCollection {
  readonly name: 'users' | 'groups';
  readonly type: string;
  readonly filter: FilterSchema;
  readonly properties: readonly string[];
  /** What a GET without `$select` returns. */
  readonly defaultProperties: readonly string[];
  readonly searchable: readonly string[];
  readonly sortable: readonly string[];
  readonly items: (ctx: RouteContext) => readonly JsonObject[];
}

const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'userPrincipalName',
  'mail',
  'mailNickname',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'city',
  'country',
  'usageLocation',
  'preferredLanguage',
  'businessPhones',
  'mobilePhone',
  'accountEnabled',
  'userType',
  'creationType',
  'externalUserState',
  'employeeId',
  'createdDateTime',
  'showInAddressList',
];

const USERS: DirectoryCollection = {
  name: 'users',
  type: 'microsoft.graph.user',
  filter: {
    resource: 'User',
    caseInsensitive: true,
    caseFunctions: false,
    advancedNegation: true,
    properties: {
      id: KEY,
      displayName: TEXT,
      givenName: TEXT,
      surname: TEXT,
      userPrincipalName: ADDRESS,
      mail: ADDRESS,
      mailNickname: TEXT,
      jobTitle: TEXT,
      department: TEXT,
      companyName: TEXT,
      city: TEXT,
      country: TEXT,
      employeeId: TEXT,
      userType: KEY,
      creationType: KEY,
      externalUserState: KEY,
      accountEnabled: FLAG,
      createdDateTime: DATE,
    },
  },
  properties: USER_PROPERTIES,
  defaultProperties: [
    'businessPhones',
    'displayName',
    'givenName',
    'jobTitle',
    'mail',
    'mobilePhone',
    'officeLocation',
    'preferredLanguage',
    'surname',
    'userPrincipalName',
    'id',
  ],
  searchable: ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname'],
  sortable: ['displayName', 'userPrincipalName'],
  items: (ctx) => tenantUsers(ctx.world, ctx.tenant).map((u) => u.object),
};

const GROUP_PROPERTIES = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailEnabled',
  'mailNickname',
  'securityEnabled',
  'groupTypes',
  'visibility',
  'membershipRule',
  'createdDateTime',
];

const GROUPS: DirectoryCollection = {
  name: 'groups',
  type: 'microsoft.graph.group',
  filter: {
    resource: 'Group',
    caseInsensitive: true,
    caseFunctions: false,
    advancedNegation: true,
    properties: {
      id: KEY,
      displayName: TEXT,
      mail: ADDRESS,
      mailNickname: TEXT,
      mailEnabled: FLAG,
      securityEnabled: FLAG,
      createdDateTime: DATE,
    },
  },
  properties: GROUP_PROPERTIES,
  defaultProperties: GROUP_PROPERTIES,
  searchable: ['displayName', 'description', 'mail', 'mailNickname'],
  sortable: ['displayName'],
  items: (ctx) => ctx.tenant.directory.groups.map((g) => g.object),
};

function eventual(ctx: RouteContext): boolean {
  return (ctx.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
}

/** An advanced query: the header and `$count=true` (only `$search` does without the count). */
function advanced(ctx: RouteContext): boolean {
  return eventual(ctx) && ctx.query.get('$count')?.toLowerCase() === 'true';
}

/** Sorts by `$orderby=prop [asc|desc]` on the properties the directory can sort without an index. */
function sorter(
  ctx: RouteContext,
  c: DirectoryCollection,
): ((a: JsonObject, b: JsonObject) => number) | undefined {
  const raw = ctx.query.get('$orderby');
  if (raw === undefined) return undefined;
  const [name, direction = 'asc', ...rest] = raw.trim().split(/\s+/);
  const property = c.sortable.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!property || rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase()))
    throw unsupportedQuery(
      `$orderby supports ${c.sortable.join(', ')} (asc or desc) on ${c.name}.`,
    );
  // Sorting a filtered result is an advanced query; a searched one needs the header only.
  if (
    (ctx.query.get('$filter') !== undefined && !advanced(ctx)) ||
    (ctx.query.get('$search') !== undefined && !eventual(ctx))
  )
    throw unsupportedQuery(
      'Sorting not supported for current query without the ConsistencyLevel: eventual header and $count=true.',
    );
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  return (a, b) =>
    sign *
    str(a[property] ?? '').localeCompare(str(b[property] ?? ''), 'en', { sensitivity: 'base' });
}

function listRoute(c: DirectoryCollection, permission: Route['permission']): Route {
  return {
    method: 'GET',
    path: `/${c.name}`,
    permission,
    query: ['$filter', '$select', '$top', '$skiptoken', '$search', '$count', '$orderby'],
    handle: (ctx) => {
      const explicit = parseSelect(ctx.query.get('$select'), c.type, c.properties);
      const select = explicit ?? c.defaultProperties;
      const filterText = ctx.query.get('$filter');
      const filter =
        filterText === undefined
          ? undefined
          : compileFilter(filterText, c.filter, { advanced: advanced(ctx) });
      const searchText = ctx.query.get('$search');
      if ((searchText !== undefined || ctx.query.get('$count') !== undefined) && !eventual(ctx)) {
        throw unsupportedQuery(
          "Request with $search or $count query parameter only works with the request header 'ConsistencyLevel: eventual'.",
        );
      }
      const search = searchText === undefined ? undefined : compileSearch(searchText, c.searchable);
      let items = c
        .items(ctx)
        .filter((item) => (!filter || filter(item)) && (!search || search(item)));
      const sort = sorter(ctx, c);
      if (sort) items = [...items].sort(sort);
      const page = pageByOffset(
        items,
        ctx.url,
        c.name,
        ctx.query.get('$skiptoken'),
        ctx.query.top(100, 999, false),
      );
      const count: JsonObject =
        ctx.query.get('$count')?.toLowerCase() === 'true' ? { '@odata.count': items.length } : {};
      return ok(
        collectionBody(
          odataContext(ctx, explicit ? `${c.name}(${explicit.join(',')})` : c.name),
          { ...page, value: page.value.map((item) => applySelect(cloneJson(item), select)) },
          count,
        ),
      );
    },
  };
}

function getRoute(c: DirectoryCollection, permission: Route['permission']): Route {
  return {
    method: 'GET',
    path: `/${c.name}/{id}`,
    permission,
    query: ['$select'],
    handle: (ctx) => {
      const key = ctx.params.id.toLowerCase();
      const item = c
        .items(ctx)
        .find(
          (i) =>
            str(i.id).toLowerCase() === key ||
            (c.name === 'users' && str(i.userPrincipalName).toLowerCase() === key),
        );
      if (!item) throw resourceNotFound(ctx.params.id);
      const select =
        parseSelect(ctx.query.get('$select'), c.type, c.properties) ?? c.defaultProperties;
      return ok({
        '@odata.context': odataContext(ctx, `${c.name}/$entity`),
        ...applySelect(cloneJson(item), select),
      });
    },
  };
}

/** `GET /groups/{id}/members`: who an assigned group brings into a sync configuration's scope. */
const groupMembersRoute: Route = {
  method: 'GET',
  path: '/groups/{id}/members',
  permission: PERMISSIONS.groupsRead,
  query: ['$select', '$top', '$skiptoken'],
  handle: (ctx) => {
    const group = ctx.tenant.directory.groupsById.get(ctx.params.id.toLowerCase());
    if (!group) throw resourceNotFound(ctx.params.id);
    const explicit = parseSelect(ctx.query.get('$select'), USERS.type, USERS.properties);
    const select = explicit ?? USERS.defaultProperties;
    const { usersById } = ctx.tenant.directory;
    const members = group.memberIds
      .map((id) => usersById.get(id))
      .filter((u) => u !== undefined)
      .map((u) => u.object);
    const page = pageByOffset(
      members,
      ctx.url,
      'members',
      ctx.query.get('$skiptoken'),
      ctx.query.top(100, 999, false),
    );
    const value = page.value.map((m) => ({
      '@odata.type': '#microsoft.graph.user',
      ...applySelect(cloneJson(m), select),
    }));
    return ok(collectionBody(odataContext(ctx, 'directoryObjects'), { ...page, value }));
  },
};

/** Users (including B2B members synced in) and groups, for picking whom to provision (graph-api.md §6). */
export const directoryObjectRoutes: readonly Route[] = [
  listRoute(USERS, PERMISSIONS.usersRead),
  getRoute(USERS, PERMISSIONS.usersRead),
  listRoute(GROUPS, PERMISSIONS.groupsRead),
  getRoute(GROUPS, PERMISSIONS.groupsRead),
  groupMembersRoute,
];
