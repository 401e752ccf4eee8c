import * as path from 'path';
import { UnsafePathError, writeFilesUnder } from '../../core/files/writeFilesUnder';
import { getOrganization } from '../../core/graph/operations/tenants';
import { getPolicy } from '../../core/graph/operations/policy';
import { loadPartnerOverview } from '../../core/graph/partnerOverview';
import { exportFiles, exportFolderName } from '../../core/policy/exportLayout';
import { BASE_FOLDER } from '../../core/policy/exportBase';
import { isGuid } from '../../core/policy/guid';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';

/**
 * `export --tenant <id|domain> --out <dir>`: the tenant's policy, default settings, partners and
 * identity syncs as the files of the export layout, under `<dir>/<tenant folder>/`. The folder is
 * named after the tenant's default domain (from `GET /organization`), else the domain given, else
 * the tenant id; existing files of the same name are replaced, others are left alone. Nothing is
 * written through a symbolic link (src/core/files/writeFilesUnder.ts).
 */
export async function exportCommand(ctx: CliContext): Promise<CommandResult> {
  const { tenant, out } = ctx.args;
  if (tenant === undefined || out === undefined || ctx.args.positionals.length > 0)
    throw new CliError('Usage: cross-tenant export --tenant <id|domain> --out <dir>');
  const tenantId = await ctx.graph.resolveTenant(tenant);
  const client = ctx.graph.client(tenantId);
  const [policy, overview, organization] = await Promise.all([
    getPolicy(client),
    loadPartnerOverview(client),
    // Only names the folder; an app without Organization.Read.All still exports.
    getOrganization(client).catch(() => undefined),
  ]);
  const defaultDomain =
    organization?.verifiedDomains?.find((domain) => domain.isDefault)?.name ??
    (isGuid(tenant) ? undefined : tenant.trim().toLowerCase());
  const exportTenant = {
    tenantId,
    ...(organization?.displayName ? { displayName: organization.displayName } : {}),
    ...(defaultDomain ? { defaultDomain } : {}),
  };
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
      files.map((f) => ({ path: f.path, data: f.text })),
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
    `Exported ${organization?.displayName ?? tenantId} (${tenantId}) from ${ctx.graph.description}: ${documents.length} files in ${folder}`,
  );
  for (const file of documents) ctx.print(`  ${file}`);
  ctx.print(
    `and in ${path.join(folder, BASE_FOLDER)} the version of each, so a push can tell your edits from changes made in the tenant since.`,
  );
  return { code: 0, json: { tenantId, folder, files: documents, bases } };
}
