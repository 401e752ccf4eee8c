import { baselineDataFiles } from '../../../../src/core/baselines/baselineFolder';
import {
  BASELINE_SOURCE_IDS,
  type TenantBaselineData,
} from '../../../../src/core/baselines/baselineSources';
import { readBaselineData } from '../../../../src/core/baselines/readBaselineData';
import { exportFiles } from '../../../../src/core/policy/exportLayout';
import { SANDBOX_TENANTS } from '../../../../src/sandbox';
import type { SandboxFixture } from '../graph/support/sandbox';

/** The five seeded tenants as the baselines read them, beta reads on. */
export async function readSandboxTenants(fx: SandboxFixture): Promise<TenantBaselineData[]> {
  return Promise.all(
    SANDBOX_TENANTS.map((t) =>
      readBaselineData(fx.client(t.tenantId), {
        sources: BASELINE_SOURCE_IDS,
        beta: fx.client(t.tenantId, { apiVersion: 'beta' }),
        folder: t.defaultDomainName,
        displayName: t.displayName,
      }),
    ),
  );
}

/**
 * What "Export Tenant to Workspace" would write for each tenant (the policy and default documents,
 * no partners) plus the baseline-data files, by path relative to the export root.
 */
export function exportOf(tenants: readonly TenantBaselineData[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const data of tenants) {
    const { policy, default: defaults } = data.sources;
    if (policy?.state !== 'available' || defaults?.state !== 'available')
      throw new Error(`${data.tenantId}: the policy and the default settings must be readable`);
    for (const file of exportFiles({
      tenant: {
        tenantId: data.tenantId,
        displayName: data.displayName,
        defaultDomain: data.folder,
      },
      policy: policy.value,
      defaults: defaults.value,
      partners: [],
      exportedAt: new Date('2025-03-14T12:00:00Z'),
    }))
      files.set(file.path, file.text);
    for (const file of baselineDataFiles(data)) files.set(file.path, file.text);
  }
  return files;
}
