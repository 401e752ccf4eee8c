#!/usr/bin/env node
// Writes test/fixtures/graph-metadata/v1.0-extract.json: the part of Microsoft's Graph v1.0 CSDL
// that our requests and the sandbox's answers touch, for the contract check (test/contract). A fresh
// clone has no ../shared, so the tests read only this extract; rerun this when the client requests
// a new path (the check says so) or when the reference metadata moves to a newer commit.
//
//   node scripts/extract-graph-metadata.mjs [path/to/cleanMetadata-v1.0.xml] [--check]
//
// The default input is ../shared/reference/graph-metadata/cleanMetadata-v1.0.xml; the repository,
// commit and source path are read from the README beside it and recorded in the extract. --check
// writes nothing and exits 1 when the extract on disk differs from what the input gives (npm test
// runs it; without ../shared it says so and passes).
//
// What is extracted is computed, not listed: starting from ENTRY_PATHS (the URL paths our client
// sends, keys as {}), every entity type along a path is taken whole (all properties, navigation
// properties, base types and the names of its bound operations), then everything their structural
// properties need (complex types with their derived types, enums), and every bound action or
// function named on a path with its parameters and return type. Entity types reached only through
// a navigation property stay out: the check reports a path through one as outside the extract.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sax from 'sax';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ../shared beside the checkout; a git worktree under <checkout>/../wt/<name> has it one level up.
const DEFAULT_INPUT = ['..', '../..']
  .map((up) => path.resolve(ROOT, up, 'shared/reference/graph-metadata/cleanMetadata-v1.0.xml'))
  .find((p) => fs.existsSync(p));
const OUTPUT = path.join(ROOT, 'test', 'fixtures', 'graph-metadata', 'v1.0-extract.json');

/** The paths our Graph client requests (src/core/graph/operations, src/core/sync, src/core/pairs). */
const ENTRY_PATHS = [
  '/policies/crossTenantAccessPolicy',
  '/policies/crossTenantAccessPolicy/default/resetToSystemDefault',
  '/policies/crossTenantAccessPolicy/partners/{}/identitySynchronization',
  // Guest invitation settings the baselines read (src/core/graph/operations/authorizationPolicy.ts).
  '/policies/authorizationPolicy',
  '/tenantRelationships/findTenantInformationByTenantId',
  '/tenantRelationships/findTenantInformationByDomainName',
  '/organization/{}',
  '/users/{}',
  '/groups/{}',
  '/applications/{}',
  '/applicationTemplates/{}/instantiate',
  '/servicePrincipals/{}/appRoleAssignedTo/{}',
  '/servicePrincipals/{}/synchronization/secrets',
  '/servicePrincipals/{}/synchronization/jobs/validateCredentials',
  // GET returns the directories inline and PUT sends them back (graph-api.md §6, Schema).
  '/servicePrincipals/{}/synchronization/jobs/{}/schema/directories/{}',
  '/servicePrincipals/{}/synchronization/jobs/{}/start',
  '/servicePrincipals/{}/synchronization/jobs/{}/pause',
  '/servicePrincipals/{}/synchronization/jobs/{}/restart',
  '/servicePrincipals/{}/synchronization/jobs/{}/provisionOnDemand',
  '/servicePrincipals/{}/synchronization/jobs/{}/validateCredentials',
  '/auditLogs/provisioning/{}',
  // History and impact preview (src/core/history, src/core/impact).
  '/auditLogs/directoryAudits/{}',
  '/auditLogs/signIns/{}',
];

function fail(message) {
  console.error(`extract-graph-metadata: ${message}`);
  process.exit(2);
}

/** Where the input came from, as the README beside it states (graph-metadata/README.md). */
function readSource(input) {
  const readme = path.join(path.dirname(input), 'README.md');
  if (!fs.existsSync(readme)) fail(`no README.md beside ${input} to say where it comes from`);
  const text = fs.readFileSync(readme, 'utf8').replace(/\s+/g, ' ');
  const m =
    /`([^`]+\.xml)` from the public repository ([\w.-]+\/[\w.-]+) at commit ([0-9a-f]{40})/.exec(
      text,
    );
  if (!m) fail(`${readme} does not name the source file, repository and commit`);
  return { repository: m[2], commit: m[3], path: m[1] };
}

/** The CSDL as plain element trees: { name, attrs, children }. */
function parseXml(text) {
  const parser = sax.parser(true, { trim: true });
  const root = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  parser.onopentag = (node) => {
    const el = { name: node.name, attrs: node.attributes, children: [] };
    stack.at(-1).children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => stack.pop();
  parser.onerror = (e) => fail(`the input is not well-formed XML: ${e.message}`);
  parser.write(text).close();
  return root;
}

const all = (el, name) => el.children.filter((c) => c.name === name);

/** Every type, operation and container member of every schema, with type names fully qualified. */
function readModel(root) {
  const schemas = root.children[0]?.children.find((c) => c.name === 'edmx:DataServices');
  if (!schemas) fail('no edmx:DataServices element');
  const aliases = new Map();
  for (const s of all(schemas, 'Schema'))
    if (s.attrs.Alias) aliases.set(s.attrs.Alias, s.attrs.Namespace);
  const qualify = (ref) => {
    if (!ref) return ref;
    const collection = /^Collection\((.+)\)$/.exec(ref);
    if (collection) return `Collection(${qualify(collection[1])})`;
    if (ref.startsWith('Edm.')) return ref;
    const dot = ref.lastIndexOf('.');
    const ns = ref.slice(0, dot);
    return `${aliases.get(ns) ?? ns}${ref.slice(dot)}`;
  };
  const model = {
    structured: new Map(),
    enums: new Map(),
    operations: [],
    entitySets: new Map(),
    singletons: new Map(),
  };
  for (const schema of all(schemas, 'Schema')) {
    const ns = schema.attrs.Namespace;
    for (const el of schema.children) {
      const name = `${ns}.${el.attrs.Name}`;
      if (el.name === 'EnumType') {
        model.enums.set(name, {
          flags: el.attrs.IsFlags === 'true',
          members: all(el, 'Member').map((m) => m.attrs.Name),
        });
      } else if (el.name === 'EntityType' || el.name === 'ComplexType') {
        const props = (tag) =>
          Object.fromEntries(
            all(el, tag).map((p) => [
              p.attrs.Name,
              {
                type: qualify(p.attrs.Type),
                ...(p.attrs.Nullable === 'false' ? { nullable: false } : {}),
              },
            ]),
          );
        const key = el.children.find((c) => c.name === 'Key');
        model.structured.set(name, {
          kind: el.name === 'EntityType' ? 'entity' : 'complex',
          ...(el.attrs.BaseType ? { baseType: qualify(el.attrs.BaseType) } : {}),
          ...(el.attrs.Abstract === 'true' ? { abstract: true } : {}),
          ...(el.attrs.OpenType === 'true' ? { open: true } : {}),
          ...(key ? { key: all(key, 'PropertyRef').map((r) => r.attrs.Name) } : {}),
          properties: props('Property'),
          navigationProperties: props('NavigationProperty'),
        });
      } else if (el.name === 'Action' || el.name === 'Function') {
        if (el.attrs.IsBound !== 'true') continue;
        const [binding, ...parameters] = all(el, 'Parameter');
        const returnType = el.children.find((c) => c.name === 'ReturnType');
        model.operations.push({
          kind: el.name === 'Action' ? 'action' : 'function',
          name,
          bindingType: qualify(binding.attrs.Type),
          parameters: Object.fromEntries(
            parameters.map((p) => [
              p.attrs.Name,
              {
                type: qualify(p.attrs.Type),
                ...(p.attrs.Nullable === 'false' ? { nullable: false } : {}),
                ...(p.children.some(
                  (a) =>
                    a.name === 'Annotation' &&
                    a.attrs.Term === 'Org.OData.Core.V1.OptionalParameter',
                )
                  ? { optional: true }
                  : {}),
              },
            ]),
          ),
          ...(returnType ? { returnType: qualify(returnType.attrs.Type) } : {}),
        });
      } else if (el.name === 'EntityContainer') {
        for (const m of all(el, 'EntitySet'))
          model.entitySets.set(m.attrs.Name, qualify(m.attrs.EntityType));
        for (const m of all(el, 'Singleton'))
          model.singletons.set(m.attrs.Name, qualify(m.attrs.Type));
      }
    }
  }
  return model;
}

const elementType = (t) => /^Collection\((.+)\)$/.exec(t)?.[1] ?? t;
const isCollection = (t) => t.startsWith('Collection(');

/** The type and its base types, most derived first. */
function lineage(model, name) {
  const out = [];
  for (let t = name; t; t = model.structured.get(t)?.baseType) out.push(t);
  return out;
}

function extract(model) {
  const types = new Set();
  const enums = new Set();
  const operations = new Set();
  const derived = new Map();
  for (const [name, t] of model.structured) {
    if (!t.baseType) continue;
    if (!derived.has(t.baseType)) derived.set(t.baseType, []);
    derived.get(t.baseType).push(name);
  }

  /** Takes a type whole, with everything its structural properties need. */
  const include = (ref) => {
    const name = elementType(ref);
    if (name.startsWith('Edm.') || types.has(name) || enums.has(name)) return;
    if (model.enums.has(name)) return void enums.add(name);
    const t = model.structured.get(name);
    if (!t) fail(`the type ${name} is referenced but not defined`);
    types.add(name);
    if (t.baseType) include(t.baseType);
    for (const p of Object.values(t.properties)) include(p.type);
    // A complex value may be any derived type (@odata.type); a complex type's navigation
    // properties are values inside it (instantiate's answer holds the application and service principal).
    if (t.kind === 'complex') {
      for (const d of derived.get(name) ?? []) include(d);
      for (const p of Object.values(t.navigationProperties)) include(p.type);
    }
  };

  const boundTo = (current, name) => {
    const candidates = isCollection(current)
      ? [`Collection(${elementType(current)})`]
      : lineage(model, current);
    return model.operations.filter(
      (o) => o.name.endsWith(`.${name}`) && candidates.includes(o.bindingType),
    );
  };

  for (const entry of ENTRY_PATHS) {
    const [first, ...rest] = entry.split('/').filter(Boolean);
    let current = model.entitySets.has(first)
      ? `Collection(${model.entitySets.get(first)})`
      : model.singletons.get(first);
    if (!current) fail(`${entry}: ${first} is neither an entity set nor a singleton`);
    include(current);
    for (const segment of rest) {
      if (segment === '{}') {
        if (!isCollection(current)) fail(`${entry}: a key after the single-valued ${current}`);
        current = elementType(current);
        continue;
      }
      const ops = boundTo(current, segment);
      if (ops.length > 0) {
        for (const op of ops) {
          operations.add(op);
          for (const p of Object.values(op.parameters)) include(p.type);
          if (op.returnType) include(op.returnType);
        }
        current = ops[0].returnType;
        if (!current) break;
        include(current);
        continue;
      }
      if (isCollection(current)) fail(`${entry}: ${segment} after the collection ${current}`);
      const member = lineage(model, current)
        .map((t) => model.structured.get(t))
        .map((t) => t.properties[segment] ?? t.navigationProperties[segment])
        .find(Boolean);
      if (!member) fail(`${entry}: ${current} has no ${segment}`);
      current = member.type;
      include(current);
    }
  }

  const sorted = (entries) =>
    Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const operationNames = (name) =>
    [
      ...new Set(
        model.operations
          .filter((o) => elementType(o.bindingType) === name)
          .map((o) => o.name.split('.').at(-1)),
      ),
    ].sort();
  return {
    entryPaths: ENTRY_PATHS,
    entitySets: sorted(model.entitySets),
    singletons: sorted(model.singletons),
    types: sorted(
      [...types].map((name) => {
        const t = model.structured.get(name);
        return [name, t.kind === 'entity' ? { ...t, boundOperations: operationNames(name) } : t];
      }),
    ),
    enums: sorted([...enums].map((name) => [name, model.enums.get(name)])),
    operations: [...operations].sort((a, b) =>
      `${a.name} ${a.bindingType}` < `${b.name} ${b.bindingType}` ? -1 : 1,
    ),
  };
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const given = args.find((a) => !a.startsWith('--'));
if (!given && !DEFAULT_INPUT && check) {
  // A clone without ../shared cannot regenerate; the committed extract is what the tests use.
  console.log('no ../shared/reference/graph-metadata here: the extract is not compared');
  process.exit(0);
}
if (!given && !DEFAULT_INPUT) fail('no ../shared here: pass the path of cleanMetadata-v1.0.xml');
const input = path.resolve(given ?? DEFAULT_INPUT);
if (!fs.existsSync(input)) fail(`${input} does not exist`);
const xml = fs.readFileSync(input, 'utf8');
const extracted = extract(readModel(parseXml(xml)));
const document = {
  source: {
    ...readSource(input),
    sha256: createHash('sha256').update(xml).digest('hex'),
    generatedBy: 'scripts/extract-graph-metadata.mjs',
  },
  ...extracted,
};
const text = `${JSON.stringify(document, null, 1)}\n`;
if (check) {
  const same = fs.existsSync(OUTPUT) && fs.readFileSync(OUTPUT, 'utf8') === text;
  console.log(
    same
      ? `${path.relative(ROOT, OUTPUT)} is up to date`
      : `${path.relative(ROOT, OUTPUT)} differs: rerun without --check`,
  );
  process.exit(same ? 0 : 1);
}
fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
fs.writeFileSync(OUTPUT, text);
console.log(
  `${path.relative(ROOT, OUTPUT)}: ${Object.keys(document.types).length} types, ${Object.keys(document.enums).length} enums, ${document.operations.length} operations (${(text.length / 1024).toFixed(0)} KB) from ${document.source.repository}@${document.source.commit.slice(0, 12)}`,
);
