import { noAutomaticFix } from './baselineFix';
import { ruleKey, ruleSourceUrl } from './baselinePack';
import type { BaselineRun } from './evaluateBaselines';

/**
 * The run as plain JSON for scripts: packs with their rules' sources and whether each has an
 * automatic fix, every tenant × rule result, and the conflicts. `format` and `version` say what
 * it is, so a consumer can refuse a shape it does not know.
 */
export function baselineJson(run: BaselineRun): object {
  return {
    format: 'cross-tenant-explorer/baseline-results',
    version: 1,
    packs: run.packs.map((pack) => ({
      pack: pack.pack,
      name: pack.name,
      version: pack.version,
      repository: pack.repository,
      commit: pack.commit,
      rules: pack.rules.map((rule) => ({
        key: ruleKey(rule),
        id: rule.id,
        title: rule.title,
        automatedByAuthors: rule.automated,
        source: ruleSourceUrl(pack, rule),
        expect: rule.expect,
        noAutomaticFix: noAutomaticFix(rule) ?? null,
      })),
    })),
    tenants: run.tenants.map((tenant) => ({
      tenantId: tenant.tenantId,
      displayName: tenant.displayName ?? null,
      folder: tenant.folder,
      results: tenant.results.map((result) => ({
        rule: ruleKey(result.rule),
        pack: result.rule.pack,
        packVersion: result.rule.packVersion,
        ruleId: result.rule.id,
        status: result.status,
        findings: result.findings,
        missing: result.missing,
        fix: result.fix ?? null,
        noFix: result.noFix ?? null,
      })),
    })),
    conflicts: run.conflicts.map((conflict) => ({
      kind: conflict.kind,
      rules: conflict.rules.map(ruleKey),
      properties: conflict.properties,
      requirements: conflict.requirements,
      bothPass: conflict.bothPass ?? null,
    })),
  };
}
