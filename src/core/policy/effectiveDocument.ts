import {
  effectivePartner,
  INHERITABLE_SETTINGS,
  type EffectiveSetting,
  type InheritableSetting,
} from '../graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../graph/types';
import { canonicalOrder } from './canonical';
import { DOCUMENT_KINDS } from './documentKinds';
import { propertyShape } from './graphTypes';
import { oneLine } from './markdownText';

export interface EffectiveDocumentNames {
  /** The partner tenant's display name. */
  readonly partner?: string;
  /** The partner tenant's default domain. */
  readonly partnerDomain?: string;
  /** The name of the tenant whose policy this is (the one the partner configuration lives in). */
  readonly tenant?: string;
}

const PARTNER_TYPE = DOCUMENT_KINDS.partner.graphType;

/** The inheritable settings in the partner document's canonical key order (any the type does not list, after them). */
const SETTINGS_IN_ORDER: readonly InheritableSetting[] = [
  ...DOCUMENT_KINDS.partner.keyOrder.filter((key): key is InheritableSetting =>
    (INHERITABLE_SETTINGS as readonly string[]).includes(key),
  ),
  ...INHERITABLE_SETTINGS.filter((key) => !DOCUMENT_KINDS.partner.keyOrder.includes(key)),
];

/**
 * The read-only "effective settings" document of a partner: JSONC holding every inheritable
 * setting with the value that actually applies (the partner's own, else the default's; see
 * effectivePartner), in canonical key order. Each setting is preceded by a comment saying where it
 * comes from, and fields of a partner's own object that were filled from the default carry a
 * trailing `// inherited`. Without its comments the text is the JSON of exactly those values.
 *
 * Names come from Graph and go into `//` comments only after line breaks are removed, so no name
 * can end a comment and add JSON.
 */
export function effectiveDocumentText(
  partner: Partner,
  defaults: DefaultConfiguration,
  names: EffectiveDocumentNames = {},
): string {
  const { settings } = effectivePartner(partner, defaults);
  const lines = header(partner.tenantId, names);
  lines.push('{');
  SETTINGS_IN_ORDER.forEach((key, index) => {
    const setting = settings[key] as EffectiveSetting<unknown>;
    const type = propertyShape(PARTNER_TYPE, key)?.type;
    const value = canonicalOrder(setting.value ?? null, type);
    const last = index === SETTINGS_IN_ORDER.length - 1;
    const inherited = orderedFields(value, setting.inheritedFields);
    lines.push(`  // ${provenance(setting, value, inherited)}`);
    if (inherited.length > 0 && isRecord(value))
      lines.push(...objectWithMarks(key, value, new Set(inherited), '  ', last));
    else lines.push(...member(key, value, '  ', last));
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function header(tenantId: string, names: EffectiveDocumentNames): string[] {
  const partnerName = clean(names.partner);
  const domain = clean(names.partnerDomain);
  const tenantName = clean(names.tenant);
  const who =
    partnerName && domain
      ? `${partnerName} (${domain})`
      : (partnerName ?? domain ?? 'a partner organization');
  return [
    `// Effective cross-tenant access settings for ${who}`,
    `// Partner tenant id: ${oneLine(tenantId)}`,
    ...(tenantName ? [`// Configured in the tenant: ${tenantName}`] : []),
    '//',
    '// Read-only. This is what actually applies to this partner: each setting the partner',
    '// configuration sets, and the default settings wherever the partner leaves a setting null',
    '// (null on a partner means "inherit from the default", not "off").',
    '//',
    '// To change a value, edit the partner configuration (Open Policy on the partner) to change it',
    '// for this partner only, or edit the default settings to change it for every partner that',
    '// inherits it; then push the edited document. This view cannot be edited or pushed.',
  ];
}

function provenance(
  setting: EffectiveSetting<unknown>,
  value: unknown,
  inherited: readonly string[],
): string {
  if (setting.source === 'default') {
    return value === null
      ? "not set anywhere: Microsoft's behaviour applies"
      : 'inherited from the default settings (the partner leaves it null)';
  }
  if (inherited.length === 0) return 'set on this partner';
  return `set on this partner; ${inherited.join(', ')} inherited from the default`;
}

/** The inherited field names in the order the value prints them. */
function orderedFields(value: unknown, fields: readonly string[]): string[] {
  if (!isRecord(value)) return [];
  return Object.keys(value).filter((key) => fields.includes(key));
}

/** `"key": value` in JSON.stringify's two-space layout, indented, with a comma unless last. */
function member(
  key: string,
  value: unknown,
  indent: string,
  last: boolean,
  comment?: string,
): string[] {
  const valueLines = (JSON.stringify(value, null, 2) ?? 'null').split('\n');
  const lines = valueLines.map((line, i) =>
    i === 0 ? `${indent}${JSON.stringify(key)}: ${line}` : `${indent}${line}`,
  );
  if (!last) lines[lines.length - 1] += ',';
  // After the comma: a `//` comment runs to the end of its line.
  if (comment) lines[0] += ` // ${comment}`;
  return lines;
}

/** An object member printed field by field so the inherited fields' lines can be marked. */
function objectWithMarks(
  key: string,
  value: Record<string, unknown>,
  inherited: ReadonlySet<string>,
  indent: string,
  last: boolean,
): string[] {
  const fields = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = [`${indent}${JSON.stringify(key)}: {`];
  fields.forEach(([field, v], i) => {
    lines.push(
      ...member(
        field,
        v,
        `${indent}  `,
        i === fields.length - 1,
        inherited.has(field) ? 'inherited' : undefined,
      ),
    );
  });
  lines.push(`${indent}}${last ? '' : ','}`);
  return lines;
}

function clean(text: string | undefined): string | undefined {
  const line = text === undefined ? '' : oneLine(text);
  return line === '' ? undefined : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
