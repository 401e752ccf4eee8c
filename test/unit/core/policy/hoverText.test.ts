import assert from 'node:assert/strict';
import { createRequire } from 'module';
import {
  guidAt,
  tenantHoverMarkdown,
  type GuidContext,
  type TenantHoverInfo,
} from '../../../../src/core/policy/hoverText';
import { escapeMarkdown, inlineCode } from '../../../../src/core/policy/markdownText';

const FABRIKAM = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const WOODGROVE = '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60';
const GROUP = 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97';
const UPPER = '2F4A9C1E-6B3D-4E8A-9C71-0D5E8B3F6A24';

interface Renderer {
  render(markdown: string): string;
}

/**
 * A real Markdown renderer with raw HTML and autolinks on (stricter than VS Code's hovers, which
 * drop raw HTML): markdown-it, which the toolchain already installs (through @vscode/vsce).
 */
function markdownRenderer(): Renderer | undefined {
  try {
    const MarkdownIt = createRequire(__filename)('markdown-it') as new (
      options: object,
    ) => Renderer;
    return new MarkdownIt({ html: true, linkify: true });
  } catch {
    return undefined;
  }
}

/** The text a reader sees in rendered HTML: tags dropped, the entities markdown-it writes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('GUID under the cursor', () => {
  const text = [
    '{',
    `  "tenantId": "${UPPER}",`,
    `  "target": "group ${GROUP} (pilot)", // ${WOODGROVE}`,
    `  "two": "${FABRIKAM},${WOODGROVE}",`,
    `  "glued": "x${FABRIKAM}", "long": "${FABRIKAM}0", "hyphen": "${FABRIKAM}-1",`,
    `  "${WOODGROVE}": 12,`,
    `  "escaped": "say \\"${GROUP}\\"",`,
    `  "open": "${FABRIKAM}`,
  ].join('\n');
  const at = (needle: string, occurrence = 0): number => {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, needle);
    return index;
  };
  const range = (guid: string, occurrence = 0) => ({
    guid,
    start: at(guid, occurrence),
    end: at(guid, occurrence) + guid.length,
  });

  const cases: ReadonlyArray<[string, number, ReturnType<typeof range> | undefined]> = [
    ['first character of a whole-string GUID (case kept)', at(UPPER), range(UPPER)],
    ['middle of it', at(UPPER) + 14, range(UPPER)],
    ['its last character', at(UPPER) + 35, range(UPPER)],
    ['just after it (the closing quote), as an editor word range', at(UPPER) + 36, range(UPPER)],
    ['the opening quote', at(UPPER) - 1, undefined],
    ['a property name without a GUID', at('tenantId') + 2, undefined],
    ['the colon between name and value', at('": "') + 1, undefined],
    ['whitespace at the start of a line', at('  "target"') + 1, undefined],
    ['a GUID inside a longer string', at(GROUP) + 3, range(GROUP)],
    ['the text beside it in the same string', at('group ') + 2, undefined],
    ['a GUID in a comment (not a string)', at(WOODGROVE) + 3, undefined],
    ['the first of two GUIDs in one string', at(FABRIKAM) + 1, range(FABRIKAM)],
    ['the second of two GUIDs in one string', at(`,${WOODGROVE}`) + 1, range(WOODGROVE, 1)],
    ['a GUID glued to a letter before it', at(`x${FABRIKAM}`) + 5, undefined],
    ['a GUID with a digit after it', at(`${FABRIKAM}0`) + 5, undefined],
    ['a GUID with a hyphen after it', at(`${FABRIKAM}-1`) + 5, undefined],
    ['a GUID used as a property name', at(`"${WOODGROVE}": 12`) + 10, range(WOODGROVE, 2)],
    ['a number', at('12,') + 1, undefined],
    ['a GUID inside escaped quotes', at(GROUP, 1) + 1, range(GROUP, 1)],
    ['a string still being typed (no closing quote)', text.length - 1, range(FABRIKAM, 4)],
    ['the end of the text', text.length, range(FABRIKAM, 4)],
    ['before the text', -1, undefined],
    ['past the end of the text', text.length + 1, undefined],
    ['a fractional offset', at(UPPER) + 0.5, undefined],
  ];
  for (const [name, offset, expected] of cases) {
    it(name, () => assert.deepEqual(guidAt(text, offset), expected));
  }

  it('finds nothing in text without strings', () => {
    assert.equal(guidAt('', 0), undefined);
    assert.equal(guidAt(`// ${FABRIKAM}`, 5), undefined);
  });
});

describe('tenant hover', () => {
  const fabrikam: TenantHoverInfo = {
    tenantId: FABRIKAM,
    displayName: 'Fabrikam Retail',
    defaultDomainName: 'fabrikamretail.onmicrosoft.com',
    federationBrandName: 'Fabrikam Brand',
  };

  const cases: ReadonlyArray<
    [string, TenantHoverInfo | undefined, GuidContext, readonly RegExp[]]
  > = [
    [
      'a partner tenant that lookup found',
      fabrikam,
      'partner',
      [
        /^\*\*Fabrikam Retail\*\* \(partner tenant\)$/m,
        /^Default domain: `fabrikamretail\.onmicrosoft\.com`$/m,
        /^Brand name: Fabrikam Brand$/m,
        new RegExp(`^Tenant id: \`${FABRIKAM}\`$`, 'm'),
      ],
    ],
    [
      'a partner tenant lookup did not find',
      undefined,
      'partner',
      [new RegExp(`^\\*\\*Partner tenant\\*\\* \`${FABRIKAM}\`$`, 'm'), /could not be looked up/],
    ],
    [
      'a target that is a tenant id by mistake',
      fabrikam,
      'target',
      [
        /^\*\*Fabrikam Retail\*\* \(tenant\)$/m,
        /a `target` must be the object id of a user, group or application/,
      ],
    ],
    [
      'a target object id',
      undefined,
      'target',
      [new RegExp(`^\\*\\*Object id\\*\\* \`${FABRIKAM}\`$`, 'm'), /`targetType`/],
    ],
    ['a GUID elsewhere', undefined, 'unknown', [/^\*\*Id\*\* /m, /Not the id of a tenant/]],
    [
      'a tenant with a domain but no name, and no brand',
      {
        tenantId: FABRIKAM,
        defaultDomainName: 'fabrikam.example',
        displayName: null,
        federationBrandName: null,
      },
      'unknown',
      [/^\*\*`fabrikam\.example`\*\* \(tenant\)$/m],
    ],
  ];
  for (const [name, info, context, patterns] of cases) {
    it(name, () => {
      const markdown = tenantHoverMarkdown(info, FABRIKAM, context);
      for (const pattern of patterns) assert.match(markdown, pattern);
      if (!info || !info.federationBrandName) assert.doesNotMatch(markdown, /Brand name/);
      if (context !== 'target' || !info) assert.doesNotMatch(markdown, /must be the object id/);
    });
  }

  it('leaves out a brand name equal to the display name', () => {
    assert.doesNotMatch(
      tenantHoverMarkdown(
        { ...fabrikam, federationBrandName: 'Fabrikam Retail' },
        FABRIKAM,
        'partner',
      ),
      /Brand name/,
    );
  });

  describe('hostile names from Graph', () => {
    const hostile: ReadonlyArray<[string, string]> = [
      ['a Markdown link', '[x](javascript:alert(1))'],
      ['an image', '![x](https://evil.example/t.png)'],
      ['raw HTML', '<img src=x onerror=alert(1)>'],
      ['a script tag', '<script>alert(1)</script>'],
      ['an HTML entity', '&lt;script&gt;'],
      ['a bare URL (autolink)', 'https://evil.example/login'],
      ['a www address (autolink)', 'www.evil.example'],
      ['an email address (autolink)', 'admin@evil.example'],
      ['an angle-bracket autolink', '<https://evil.example>'],
      ['a reference link', '[x][1]\n\n[1]: https://evil.example'],
      ['a theme icon', '$(alert) Contoso'],
      ['emphasis and code', '**bold** _it_ `code`'],
      ['a heading on a new line', 'Contoso\n# Heading\r\n---'],
      ['a table row', '| a | b |'],
      ['backslashes', '\\[x\\](javascript:alert(1))'],
    ];
    const renderer = markdownRenderer();

    for (const [name, value] of hostile) {
      it(`${name}: shown as text, never a link or HTML`, function () {
        const info: TenantHoverInfo = {
          tenantId: FABRIKAM,
          displayName: value,
          defaultDomainName: `${value}.example`,
          federationBrandName: `Brand ${value}`,
        };
        const markdown = tenantHoverMarkdown(info, FABRIKAM, 'partner');
        // Every ASCII punctuation character that came from Graph is escaped, and no line break survives.
        assert.ok(markdown.includes(escapeMarkdown(value)), markdown);
        assert.equal(markdown.split('\n\n')[0], `**${escapeMarkdown(value)}** (partner tenant)`);
        if (!renderer) this.skip();
        const html = renderer.render(markdown);
        assert.doesNotMatch(html, /<(a|img|script|h[1-6]|table|em|hr|del|s)\b/, html);
        assert.ok(!html.includes('<strong>', html.indexOf('</strong>')), 'only the title is bold');
        const shown = visibleText(html);
        const flat = value.replace(/[\r\n]+/g, ' ').replace(/ {2,}/g, ' ');
        assert.ok(shown.includes(flat), `${shown} should show ${flat}`);
      });
    }

    it('escapes a "GUID" that is not one', () => {
      const markdown = tenantHoverMarkdown(undefined, '[x](javascript:alert(1))', 'unknown');
      assert.ok(markdown.includes('\\[x\\]\\(javascript\\:alert\\(1\\)\\)'));
      assert.ok(!markdown.includes('`'));
    });
  });
});

describe('markdown text helpers', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['plain words', 'Contoso Group', 'Contoso Group'],
    [
      'every ASCII punctuation character',
      '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      '\\!\\"\\#\\$\\%\\&\\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~',
    ],
    ['letters outside ASCII', 'Ünïcødé 🚀', 'Ünïcødé 🚀'],
    ['line breaks and controls', ' a\r\nb\u2028c\u0000d\t ', 'a b c d'],
  ];
  for (const [name, raw, escaped] of cases)
    it(`escapeMarkdown: ${name}`, () => assert.equal(escapeMarkdown(raw), escaped));

  const spans: ReadonlyArray<[string, string]> = [
    ['contoso.onmicrosoft.com', '`contoso.onmicrosoft.com`'],
    ['a`b', 'a\\`b'],
    ['a|b', 'a\\|b'],
    ['\n', ''],
    ['x\ny', '`x y`'],
  ];
  for (const [raw, expected] of spans)
    it(`inlineCode: ${JSON.stringify(raw)}`, () => assert.equal(inlineCode(raw), expected));
});
