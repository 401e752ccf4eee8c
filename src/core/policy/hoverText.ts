import { createScanner, SyntaxKind } from 'jsonc-parser';
import { GUID_TEXT, isGuid } from './guid';
import { escapeMarkdown, inlineCode, oneLine } from './markdownText';

export interface GuidRange {
  /** As written in the text (case kept). */
  readonly guid: string;
  /** Offsets in the text: `start` of the first character, `end` just after the last. */
  readonly start: number;
  readonly end: number;
}

/** A GUID not glued to other letters, digits or hyphens (so not part of a longer id). */
const GUID_IN_TEXT = new RegExp(`(?<![0-9A-Za-z-])${GUID_TEXT}(?![0-9A-Za-z-])`, 'g');

/**
 * The GUID under the cursor when the cursor is inside a JSON string (a value or a property name)
 * and on a GUID in it: the whole string, as a partner's tenant id or a target's object id, or a
 * part of it. Offsets from `start` to `end` inclusive count (the cursor just after the last digit
 * is still on it, as with editor words). Comments, numbers and text outside strings give undefined;
 * the text need not be valid JSON.
 */
export function guidAt(text: string, offset: number): GuidRange | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const tokenStart = scanner.getTokenOffset();
    if (tokenStart > offset) return undefined;
    const tokenEnd = tokenStart + scanner.getTokenLength();
    if (token !== SyntaxKind.StringLiteral || offset > tokenEnd) continue;
    for (const match of text.slice(tokenStart, tokenEnd).matchAll(GUID_IN_TEXT)) {
      const start = tokenStart + (match.index ?? 0);
      const end = start + match[0].length;
      if (start <= offset && offset <= end) return { guid: match[0], start, end };
    }
  }
  return undefined;
}

/** What tenant lookup (`findTenantInformationByTenantId`) says about a tenant. */
export interface TenantHoverInfo {
  readonly tenantId: string;
  readonly displayName?: string | null;
  readonly defaultDomainName?: string | null;
  readonly federationBrandName?: string | null;
}

/**
 * Where the GUID sits: `partner` for a partner's tenant id, `target` for the `target` of an entry
 * in a `targets` list (a user, group or application object id), `unknown` for anything else.
 */
export type GuidContext = 'partner' | 'target' | 'unknown';

/**
 * The hover for a GUID in a policy document, as Markdown. `info` is what tenant lookup returned
 * for the GUID, undefined when it found no tenant (or cannot look up in this cloud). Everything
 * from Graph is escaped: names are chosen by other tenants, and must show as text, never as a link,
 * an image, HTML or a theme icon.
 */
export function tenantHoverMarkdown(
  info: TenantHoverInfo | undefined,
  guid: string,
  context: GuidContext,
): string {
  const id = isGuid(guid) ? inlineCode(guid) : escapeMarkdown(guid);
  const paragraphs = info ? withTenant(info, id, context) : withoutTenant(id, context);
  return paragraphs.join('\n\n');
}

const ROLE: Readonly<Record<GuidContext, string>> = {
  partner: 'partner tenant',
  target: 'tenant',
  unknown: 'tenant',
};

function withTenant(info: TenantHoverInfo, id: string, context: GuidContext): string[] {
  const name = clean(info.displayName);
  const domain = clean(info.defaultDomainName);
  const brand = clean(info.federationBrandName);
  const title = name
    ? `**${escapeMarkdown(name)}**`
    : domain
      ? `**${inlineCode(domain)}**`
      : '**Unnamed tenant**';
  const paragraphs = [`${title} (${ROLE[context]})`];
  const facts = [
    domain ? `Default domain: ${inlineCode(domain)}` : undefined,
    brand && brand !== name ? `Brand name: ${escapeMarkdown(brand)}` : undefined,
    `Tenant id: ${id}`,
  ].filter((fact): fact is string => fact !== undefined);
  paragraphs.push(...facts);
  if (context === 'target') {
    paragraphs.push(
      'This is the id of a tenant, but a `target` must be the object id of a user, group or application, or one of `AllUsers`, `AllApplications`, `Office365`, `AllMicrosoftApps`.',
    );
  }
  return paragraphs;
}

function withoutTenant(id: string, context: GuidContext): string[] {
  switch (context) {
    case 'partner':
      return [
        `**Partner tenant** ${id}`,
        "Its name could not be looked up: no tenant has this id, or tenant lookup is not available (it works in Microsoft's global cloud only).",
      ];
    case 'target':
      return [
        `**Object id** ${id}`,
        "A user, group or application, as the entry's `targetType` says. In inbound B2B settings, users and groups belong to the partner organization and applications to this tenant; in outbound settings it is the other way round.",
      ];
    case 'unknown':
      return [`**Id** ${id}`, 'Not the id of a tenant that could be looked up.'];
  }
}

function clean(text: string | null | undefined): string | undefined {
  const line = text == null ? '' : oneLine(text);
  return line === '' ? undefined : line;
}
