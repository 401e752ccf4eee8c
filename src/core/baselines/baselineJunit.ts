import builder from 'junit-report-builder';
import { terminalSafeXml } from './terminalSafeXml';
import { ruleKey } from './baselinePack';
import type { BaselineRun } from './evaluateBaselines';
import { tenantHeading } from './reportText';

/**
 * The run as JUnit XML for CI test reports: one test suite per tenant, one test case per tenant ×
 * rule (class name `<pack>@<version>`, name `<rule id> <title>`). A failed rule is a failure whose
 * message lists the settings found and expected; a rule not checked is skipped, with the reason in
 * its properties. junit-report-builder escapes every value and drops the C0 controls XML cannot
 * hold; what a terminal or editor would still act on is written as character references.
 */
export function baselineJunit(run: BaselineRun): string {
  const report = builder.newBuilder().name('Cross-Tenant Explorer baselines');
  for (const tenant of run.tenants) {
    const suite = report.testSuite().name(tenantHeading(tenant));
    suite.property('tenantId', tenant.tenantId);
    for (const result of tenant.results) {
      const testCase = suite
        .testCase()
        .className(`${result.rule.pack}@${result.rule.packVersion}`)
        .name(`${result.rule.id} ${result.rule.title}`)
        .property('rule', ruleKey(result.rule));
      if (result.status === 'failed')
        testCase.failure(
          result.findings
            .map((f) => `${f.path} is ${JSON.stringify(f.actual)}; expected: ${f.expected}`)
            .join('; '),
          'baseline',
        );
      if (result.status === 'notChecked')
        testCase.skipped().property('reason', result.missing.map((m) => m.detail).join(' '));
    }
  }
  return terminalSafeXml(report.build());
}
