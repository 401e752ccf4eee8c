import { INHERITABLE_SETTINGS } from '../graph/effectivePartner';
import { DOCUMENT_KINDS, type DocumentKindId } from './documentKinds';
import { GRAPH_TYPES, propertyShape, type GraphTypeName, type PropertyShape } from './graphTypes';
import { jsonEqual } from '../jsonEqual';
import { isGuid } from './guid';

/**
 * The changes between two versions of a document, in words, for the push confirmation:
 *
 *   B2B collaboration inbound, users and groups: allowed → blocked
 *   B2B collaboration inbound, users and groups, targets: + group 0be493dc…
 *   Inbound trust, MFA: inherited → trusted
 *
 * Nested settings are compared leaf by leaf, so a whole setting going from inherited to written
 * out reads as the values it now has. Target lists and keyed lists (sync rules, mappings) report
 * added and removed entries. Server-owned keys and `@odata.*` annotations are not changes.
 */
export function summarizeChanges(kind: DocumentKindId, before: unknown, after: unknown): string[] {
  const lines: string[] = [];
  const dropped = new Set(DOCUMENT_KINDS[kind].serverOwnedKeys);
  const walker = new ChangeWalker(kind === 'partner', lines);
  walker.object([], asRecord(before), asRecord(after), DOCUMENT_KINDS[kind].graphType, dropped);
  return lines;
}

/** What people call each property; unlisted ones are spelled out from their camelCase name. */
const LABELS: Readonly<Record<string, string>> = {
  appServiceConnectInbound: 'App Service connect inbound',
  automaticUserConsentSettings: 'automatic redemption',
  inboundAllowed: 'inbound',
  outboundAllowed: 'outbound',
  b2bCollaborationInbound: 'B2B collaboration inbound',
  b2bCollaborationOutbound: 'B2B collaboration outbound',
  b2bDirectConnectInbound: 'B2B direct connect inbound',
  b2bDirectConnectOutbound: 'B2B direct connect outbound',
  usersAndGroups: 'users and groups',
  inboundTrust: 'inbound trust',
  isMfaAccepted: 'MFA',
  isCompliantDeviceAccepted: 'compliant devices',
  isHybridAzureADJoinedDeviceAccepted: 'hybrid joined devices',
  invitationRedemptionIdentityProviderConfiguration: 'invitation redemption',
  primaryIdentityProviderPrecedenceOrder: 'identity provider order',
  fallbackIdentityProvider: 'fallback identity provider',
  m365CollaborationInbound: 'Microsoft 365 collaboration inbound',
  m365CollaborationOutbound: 'Microsoft 365 collaboration outbound',
  isServiceProvider: 'cloud service provider',
  tenantRestrictions: 'tenant restrictions',
  rule: 'device filter',
  userSyncInbound: 'user sync inbound',
  allowedCloudEndpoints: 'allowed cloud endpoints',
};

/**
 * What people call a property ("inboundTrust" → "inbound trust", "isMfaAccepted" → "MFA"); unlisted
 * names are spelled out from their camelCase form ("accessType" → "access type").
 */
export function propertyLabel(name: string): string {
  return Object.prototype.hasOwnProperty.call(LABELS, name) ? LABELS[name] : spellOut(name);
}

/** A property path in words, e.g. "B2B collaboration inbound › users and groups › access type". */
export function pathLabel(path: readonly string[]): string {
  return path.length === 0 ? 'the document' : path.map(propertyLabel).join(' › ');
}

/** Properties whose value is what their container means; the line names the container only. */
const ELIDED = new Set(['accessType', 'isSyncAllowed']);

/** Boolean wording per property. */
const BOOLEAN_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  isMfaAccepted: ['trusted', 'not trusted'],
  isCompliantDeviceAccepted: ['trusted', 'not trusted'],
  isHybridAzureADJoinedDeviceAccepted: ['trusted', 'not trusted'],
  inboundAllowed: ['on', 'off'],
  outboundAllowed: ['on', 'off'],
  isSyncAllowed: ['allowed', 'not allowed'],
};

/** Strings that are enum members or keywords, shown bare; other strings are quoted. */
const BARE_STRINGS = new Set([
  'accessType',
  'targetType',
  'mode',
  'fallbackIdentityProvider',
  'primaryIdentityProviderPrecedenceOrder',
  'allowedCloudEndpoints',
  'flowType',
  'flowBehavior',
  'flowTypes',
  'type',
]);

/** Partner settings whose null means "use the default settings". */
const INHERITED: ReadonlySet<string> = new Set(INHERITABLE_SETTINGS);

const SPECIAL_TARGET_WORDS: Readonly<Record<string, string>> = {
  AllUsers: 'all users',
  AllApplications: 'all applications',
  Office365: 'Office 365',
  AllMicrosoftApps: 'all Microsoft apps',
};

/**
 * Lists matched entry by entry, by the key that names an entry, with the noun a line uses for it.
 * `named`: the list's own name adds nothing ("rule X, object mapping Y" rather than
 * "synchronization rules, rule X, object mappings, …"); scope filters keep it, because a filter
 * group means something else in `groups` than in `inputFilterGroups`.
 */
const KEYED_LISTS: Partial<
  Record<
    GraphTypeName,
    { readonly noun: string; readonly key: readonly string[]; readonly named?: boolean }
  >
> = {
  synchronizationRule: { noun: 'rule', key: ['name', 'id'], named: true },
  objectMapping: { noun: 'object mapping', key: ['name', 'sourceObjectName'], named: true },
  attributeMapping: { noun: 'attribute mapping', key: ['targetAttributeName'], named: true },
  filterGroup: { noun: 'filter', key: ['name'] },
  stringKeyStringValuePair: { noun: 'metadata', key: ['key'] },
  objectMappingMetadataEntry: { noun: 'metadata', key: ['key'] },
  stringKeyAttributeMappingSourceValuePair: { noun: 'parameter', key: ['key'] },
};

interface Label {
  readonly text: string;
  /** The property the label stands for, for value wording. */
  readonly property: string;
}

class ChangeWalker {
  constructor(
    private readonly inheritsDefaults: boolean,
    private readonly lines: string[],
  ) {}

  object(
    path: readonly Label[],
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    type: GraphTypeName | undefined,
    skip: ReadonlySet<string> = new Set(),
  ): void {
    const shapes: readonly PropertyShape[] = type ? GRAPH_TYPES[type] : [];
    const known = shapes.map((shape) => shape.name);
    const unknown = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((key) => !known.includes(key))
      .sort();
    for (const name of [...known, ...unknown]) {
      if (skip.has(name) || name.includes('@odata.')) continue;
      const shape = type && propertyShape(type, name);
      this.property(
        [
          ...path,
          { text: ELIDED.has(name) ? '' : (LABELS[name] ?? spellOut(name)), property: name },
        ],
        before[name],
        after[name],
        shape ? shape.type : undefined,
      );
    }
  }

  private property(
    path: readonly Label[],
    before: unknown,
    after: unknown,
    type: GraphTypeName | undefined,
  ): void {
    if (jsonEqual(before, after, 'absentIsNull')) return;
    const name = path[path.length - 1].property;
    if (type === 'crossTenantAccessPolicyTarget') return this.targets(path, before, after);
    if (type && KEYED_LISTS[type] && Array.isArray(before) && Array.isArray(after))
      return this.keyedList(path, before, after, type);
    if (
      type &&
      !Array.isArray(before) &&
      !Array.isArray(after) &&
      isObjectOrAbsent(before) &&
      isObjectOrAbsent(after)
    ) {
      // Compared leaf by leaf: an absent (inherited) side reads as "inherited" on each leaf.
      return this.object(path, asRecord(before), asRecord(after), type);
    }
    this.line(path, `${this.word(name, before, path)} → ${this.word(name, after, path)}`);
  }

  private targets(path: readonly Label[], before: unknown, after: unknown): void {
    if (!Array.isArray(before) || !Array.isArray(after)) {
      return this.line(path, `${this.targetList(before, path)} → ${this.targetList(after, path)}`);
    }
    const was = before.map(describeTarget);
    const now = after.map(describeTarget);
    for (const target of now.filter((entry) => !was.includes(entry)))
      this.line(path, `+ ${target}`);
    for (const target of was.filter((entry) => !now.includes(entry)))
      this.line(path, `− ${target}`);
  }

  private targetList(value: unknown, path: readonly Label[]): string {
    if (!Array.isArray(value)) return this.absent(path);
    return value.length === 0 ? '(none)' : value.map(describeTarget).join(', ');
  }

  private keyedList(
    path: readonly Label[],
    before: unknown[],
    after: unknown[],
    type: GraphTypeName,
  ): void {
    const { noun, key, named } = KEYED_LISTS[type]!;
    const name = (item: unknown): string => {
      const record = asRecord(item);
      const found = key
        .map((field) => record[field])
        .find((value) => typeof value === 'string' && value !== '');
      return typeof found === 'string' ? found : JSON.stringify(item);
    };
    const was = new Map(before.map((item) => [name(item), item]));
    const now = new Map(after.map((item) => [name(item), item]));
    const parent = named ? path.slice(0, -1) : path;
    const where = parent.length > 0 ? parent : path;
    for (const [id, item] of now) {
      if (!was.has(id)) this.line(where, `+ ${noun} ${id}`);
      else
        this.object(
          [...parent, { text: `${noun} ${id}`, property: path[path.length - 1].property }],
          asRecord(was.get(id)),
          asRecord(item),
          type,
        );
    }
    for (const id of was.keys()) if (!now.has(id)) this.line(where, `− ${noun} ${id}`);
  }

  private word(name: string, value: unknown, path: readonly Label[]): string {
    if (value === null || value === undefined) return this.absent(path);
    if (typeof value === 'boolean') {
      const [yes, no] = BOOLEAN_WORDS[name] ?? ['yes', 'no'];
      return value ? yes : no;
    }
    if (typeof value === 'string') return BARE_STRINGS.has(name) ? value : JSON.stringify(value);
    if (Array.isArray(value))
      return value.length === 0
        ? '(none)'
        : value.map((item) => this.word(name, item, path)).join(', ');
    return shorten(JSON.stringify(value));
  }

  /** On a partner, a missing setting uses the default settings; elsewhere it is simply not set. */
  private absent(path: readonly Label[]): string {
    return this.inheritsDefaults && INHERITED.has(path[0].property) ? 'inherited' : 'not set';
  }

  private line(path: readonly Label[], change: string): void {
    const where = path
      .map((label) => label.text)
      .filter((text) => text !== '')
      .join(', ');
    this.lines.push(`${where.charAt(0).toUpperCase()}${where.slice(1)}: ${change}`);
  }
}

function describeTarget(item: unknown): string {
  const { target, targetType } = asRecord(item);
  const kind = typeof targetType === 'string' ? targetType : 'target';
  if (typeof target !== 'string') return `${kind} (no target)`;
  if (Object.prototype.hasOwnProperty.call(SPECIAL_TARGET_WORDS, target))
    return SPECIAL_TARGET_WORDS[target];
  return isGuid(target) ? `${kind} ${target.slice(0, 8)}…` : `${kind} ${JSON.stringify(target)}`;
}

function spellOut(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function isObjectOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'object';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
