import * as path from 'path';
import { BASELINE_DATA_FOLDER, baselineDataFiles } from '../../core/baselines/baselineFolder';
import type { BaselineSourceId } from '../../core/baselines/baselineSources';
import { UnsafePathError, writeFilesUnder } from '../../core/files/writeFilesUnder';
import { getPolicy } from '../../core/graph/operations/policy';
import { loadPartnerOverview } from '../../core/graph/partnerOverview';
import { exportFiles, exportFolderName } from '../../core/policy/exportLayout';
import { BASE_FOLDER } from '../../core/policy/exportBase';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import { exportTenantOf, readTenantBaselineData } from '../tenantBaselineData';

/** What the baseline rules read beyond the exported documents (the policy's id comes with the policy). */
const BASELINE_EXTRA_SOURCES: readonly BaselineSourceId[] = [
  'authorizationPolicy',
  'b2bManagementPolicy',
  'globalSecureAccess',
];

/**
 * `export --tenant <id|domain> --out <dir>`: the tenant's policy, default settings, partners and
 * identity syncs as the files of the export layout, under `<dir>/<tenant folder>/`. The folder is
 * named after the tenant's default domain (from `GET /organization`), else the domain given, else
 * the tenant id; existing files of the same name are replaced, others are left alone. Nothing is
 * written through a symbolic link (src/core/files/writeFilesUnder.ts). Beside them, in
 * `baseline-data/`, what the baseline rules read besides (src/core/baselines/baselineFolder.ts), so
 * `baseline <dir>` checks the export offline with the results a live check gets; a source that
 * cannot be read is recorded with the reason and named in the output, and does not stop the export.
 */
export async function exportCommand(ctx: CliContext): Promise<CommandResult> {
  const { tenant, out } = ctx.args;
  if (tenant === undefined || out === undefined || ctx.args.positionals.length > 0)
    throw new CliError('Usage: cross-tenant export --tenant <id|domain> --out <dir>');
  const tenantId = await ctx.graph.resolveTenant(tenant);
  const client = ctx.graph.client(tenantId);
  const [policy, overview, exportTenant] = await Promise.all([
    getPolicy(client),
    loadPartnerOverview(client),
    exportTenantOf(client, tenant),
  ]);
  const baselineData = await readTenantBaselineData(ctx, exportTenant, BASELINE_EXTRA_SOURCES);
  const dataFiles = baselineDataFiles({
    ...baselineData,
    sources: { ...baselineData.sources, policy: { state: 'available', value: { id: policy.id } } },
  });
  const files = exportFiles({
    tenant: exportTenant,
    policy,
    defaults: overview.defaultConfiguration,
    partners: overview.partners.map((p) => ({
      partner: p.partner,
      identitySync: p.identitySync ?? null,
      ...(p.displayName ? { displayName: p.displayName } : {}),
      ...(p.defaultDomainName ? { defaultDomainName: p.defaultDomainName } : {}),
    })),
    exportedAt: new Date(),
  });
  try {
    await writeFilesUnder(
      out,
      [...files, ...dataFiles].map((f) => ({ path: f.path, data: f.text })),
    );
  } catch (err) {
    if (err instanceof UnsafePathError) throw new CliError(err.message);
    throw err;
  }
  // As the user named --out, not as it resolves.
  const written = files.map((f) => path.join(out, ...f.path.split('/')));
  const folder = path.join(out, exportFolderName(exportTenant));
  const documents = written.filter((_, i) => !files[i].base);
  const bases = written.filter((_, i) => files[i].base);
  ctx.print(
    `Exported ${exportTenant.displayName ?? tenantId} (${tenantId}) from ${ctx.graph.description}: ${documents.length} files in ${folder}`,
  );
  for (const file of documents) ctx.print(`  ${file}`);
  ctx.print(
    `and in ${path.join(folder, BASE_FOLDER)} the version of each, so a push can tell your edits from changes made in the tenant since;`,
  );
  ctx.print(
    `in ${path.join(folder, BASELINE_DATA_FOLDER)} what a baseline check reads besides, so cross-tenant baseline ${out} checks it offline.`,
  );
  const unavailable: Record<string, string> = {};
  for (const [source, state] of Object.entries(baselineData.sources))
    if (state.state === 'unavailable') {
      unavailable[source] = state.detail;
      ctx.print(`  not read, so its rules will not be checked offline either: ${state.detail}`);
    }
  const baseline = dataFiles.map((f) => path.join(out, ...f.path.split('/')));
  return {
    code: 0,
    json: { tenantId, folder, files: documents, bases, baselineData: baseline, unavailable },
  };
}
