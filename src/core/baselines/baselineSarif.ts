import type * as Sarif from 'sarif';
import { settingRange } from '../policy/settingLocation';
import { TextPositions } from '../policy/textPositions';
import { baselineFilePath } from './baselineFolder';
import { noAutomaticFix } from './baselineFix';
import { ruleKey, ruleSourceUrl } from './baselinePack';
import { type BaselinePack, type BaselineRule } from './baselineRule';
import { BASELINE_SOURCES } from './baselineSources';
import { checksOf, describeExpectation, propertyKey } from './expectation';
import type { BaselineFinding, BaselineRun, RuleResult, TenantResults } from './evaluateBaselines';
import { describeConflict, tenantHeading } from './reportText';

/** The OASIS SARIF 2.1.0 schema, as code scanning asks `$schema` to name it. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const NOT_CHECKED = 'baseline-not-checked';
const CONFLICT = 'baseline-conflict';

export interface SarifOptions {
  /** The extension's or CLI's version, for `tool.driver.version`. */
  readonly toolVersion: string;
  /**
   * Where the export root is in the repository the SARIF is uploaded for (`exports/`, or '' when
   * the export is the repository root); locations are repository-relative paths.
   */
  readonly exportRoot: string;
  /** The text of an exported file by its export-relative path, to give findings a line; optional. */
  readonly fileText?: (relativePath: string) => string | undefined;
}

/**
 * The run as SARIF 2.1.0 for code scanning: one reporting descriptor per rule (its pack, version,
 * rule id and source in `properties`), one result per failed rule and tenant located at the
 * exported files of the settings it found, rules that could not be checked as execution
 * notifications, and conflicts between the enabled packs as configuration notifications that
 * name both rules.
 */
export function baselineSarif(run: BaselineRun, options: SarifOptions): Sarif.Log {
  const rules = run.packs.flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })));
  const index = new Map(rules.map(({ rule }, i) => [ruleKey(rule), i]));
  const reference = (rule: BaselineRule): Sarif.ReportingDescriptorReference => ({
    id: ruleKey(rule),
    index: index.get(ruleKey(rule)),
  });
  const results: Sarif.Result[] = [];
  const notChecked: Sarif.Notification[] = [];
  for (const tenant of run.tenants) {
    for (const result of tenant.results) {
      if (result.status === 'failed') results.push(sarifResult(tenant, result, index, options));
      if (result.status === 'notChecked')
        notChecked.push({
          descriptor: { id: NOT_CHECKED, index: 0 },
          associatedRule: reference(result.rule),
          level: 'warning',
          message: {
            text: `${tenantHeading(tenant)}: ${ruleKey(result.rule)} was not checked. ${result.missing.map((m) => m.detail).join(' ')}`,
          },
          properties: {
            tenantId: tenant.tenantId,
            reasons: result.missing.map((m) => m.reason),
          },
        });
    }
  }
  const conflicts = run.conflicts.map((conflict): Sarif.Notification => ({
    descriptor: { id: CONFLICT, index: 1 },
    associatedRule: reference(conflict.rules[0]),
    level: conflict.kind === 'incompatible' ? 'warning' : 'note',
    message: { text: describeConflict(conflict) },
    properties: {
      conflictKind: conflict.kind,
      rules: conflict.rules.map(ruleKey),
      properties: conflict.properties.map((p) => `${p.data}:${p.path}`),
    },
  }));
  const counts = { passed: 0, failed: 0, notChecked: 0 };
  for (const tenant of run.tenants) for (const r of tenant.results) counts[r.status]++;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Cross-Tenant Explorer baselines',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: rules.map(({ pack, rule }) => descriptor(pack, rule)),
            notifications: [
              {
                id: NOT_CHECKED,
                shortDescription: { text: 'A rule could not be checked for a tenant.' },
                fullDescription: {
                  text: 'The data the rule reads could not be read (permission, licence, beta reads off, not in the export), so the rule is neither passed nor failed.',
                },
                help: {
                  text: 'Grant the permission or role the message names, turn beta reads on, or export the tenant again with its baseline data, then check again.',
                },
              },
              {
                id: CONFLICT,
                shortDescription: {
                  text: 'Two enabled baselines grade the same setting differently.',
                },
                fullDescription: {
                  text: 'Incompatible: no value passes both rules. Graded differently: some values pass one rule and fail the other.',
                },
                help: {
                  text: 'Decide which baseline applies to the setting, or turn one of the packs off.',
                },
              },
            ],
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notChecked,
            toolConfigurationNotifications: conflicts,
          },
        ],
        results,
        properties: {
          packs: run.packs.map((p) => `${p.pack}@${p.version}`),
          tenants: run.tenants.map((t) => t.tenantId),
          ...counts,
        },
      },
    ],
  };
}

function descriptor(pack: BaselinePack, rule: BaselineRule): Sarif.ReportingDescriptor {
  const expected = describeExpectation(rule.expect);
  const noFix = noAutomaticFix(rule);
  const help = [
    `${pack.name} ${pack.version}, rule ${rule.id}: ${rule.title}.`,
    `Passes when ${expected}.`,
    rule.note ?? '',
    rule.automated ? '' : 'The baseline’s authors do not check this rule automatically.',
    noFix ? `No automatic fix: ${noFix}` : '',
    `Source: ${ruleSourceUrl(pack, rule)}`,
  ].filter((line) => line !== '');
  return {
    id: ruleKey(rule),
    name: `${pack.pack}/${rule.id}`,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. Passes when ${expected}.` },
    help: { text: help.join('\n') },
    helpUri: ruleSourceUrl(pack, rule),
    defaultConfiguration: { level: 'error' },
    properties: {
      pack: pack.pack,
      packName: pack.name,
      packVersion: pack.version,
      ruleId: rule.id,
      automatedByAuthors: rule.automated,
      source: {
        repository: pack.repository,
        commit: pack.commit,
        path: rule.sourcePath,
        url: ruleSourceUrl(pack, rule),
      },
      reads: [...new Set(checksOf(rule.expect).map(propertyKey))],
      tags: ['baseline', pack.pack],
    },
  };
}

function sarifResult(
  tenant: TenantResults,
  result: RuleResult,
  index: ReadonlyMap<string, number>,
  options: SarifOptions,
): Sarif.Result {
  const findings = result.findings.map(
    (f) => `${f.path} is ${JSON.stringify(f.actual)} (expected: ${f.expected})`,
  );
  return {
    ruleId: ruleKey(result.rule),
    ruleIndex: index.get(ruleKey(result.rule)),
    kind: 'fail',
    level: 'error',
    message: {
      text: `${tenantHeading(tenant)}: ${result.rule.title}. ${findings.join('; ')}.`,
    },
    locations: result.findings.map((finding) => location(tenant, finding, options)),
    properties: {
      tenantId: tenant.tenantId,
      findings: result.findings.map((f) => ({
        data: f.data,
        path: f.path,
        actual: f.actual,
        expected: f.expected,
      })),
      ...(result.fix ? { fix: result.fix } : { noFix: result.noFix }),
    },
  };
}

function location(
  tenant: TenantResults,
  finding: BaselineFinding,
  options: SarifOptions,
): Sarif.Location {
  const file = baselineFilePath(tenant.folder, finding.data, finding.path);
  const text = options.fileText?.(file);
  const range = text === undefined ? undefined : settingRange(text, finding.path);
  const positions = text === undefined ? undefined : new TextPositions(text);
  const start = range && positions?.positionAt(range.offset);
  const end = range && positions?.positionAt(range.offset + range.length);
  const root = options.exportRoot.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(root === '' ? file : `${root}/${file}`) },
      ...(start && end
        ? {
            region: {
              startLine: start.line + 1,
              startColumn: start.character + 1,
              endLine: end.line + 1,
              endColumn: end.character + 1,
            },
          }
        : {}),
    },
    logicalLocations: [
      {
        fullyQualifiedName: `${tenant.tenantId}/${finding.data}/${finding.path}`,
        kind: 'property',
      },
    ],
    message: { text: `${BASELINE_SOURCES[finding.data].title}: ${finding.expected}` },
  };
}
