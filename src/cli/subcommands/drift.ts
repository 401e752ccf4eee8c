import {
  DriftReadError,
  driftOfTenantFolder,
  type DriftEntry,
  type FolderFile,
} from '../../core/policy/drift';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import {
  documentsUnder,
  layoutIdentity,
  readText,
  statOrUndefined,
  tenantFolderOf,
} from '../files';
import { fetchLiveTenant } from '../live';
import { plural } from '../../core/plural';

/**
 * `drift <dir>`: every exported file under the folder (one tenant folder, or a folder of them)
 * against its tenant now, property by property, plus partners and identity syncs on one side only.
 * Exit 0 = no drift, 1 = drift, 2 = the check could not be made.
 */
export async function driftCommand(ctx: CliContext): Promise<CommandResult> {
  const [dir, ...rest] = ctx.args.positionals;
  if (dir === undefined || rest.length > 0) throw new CliError('Usage: cross-tenant drift <dir>');
  if (!statOrUndefined(dir)?.isDirectory())
    throw new CliError(
      `${dir}: not a folder. drift takes the folder export wrote (or one above it).`,
    );
  const folders = new Map<string, { tenant: string; files: FolderFile[] }>();
  for (const file of documentsUnder(dir)) {
    const identity = layoutIdentity(file);
    if (!identity) continue;
    const folder = tenantFolderOf(file, identity);
    const group = folders.get(folder) ?? { tenant: identity.tenant, files: [] };
    group.files.push({ file: file.display, identity, text: readText(file) });
    folders.set(folder, group);
  }
  if (folders.size === 0)
    throw new CliError(
      `${dir}: no exported files (<tenant>/policy.xta-policy.json, …/partners/<id>.xta-partner.json) below it.`,
    );

  const entries: DriftEntry[] = [];
  const tenants: { folder: string; tenantId: string; files: number; drifted: number }[] = [];
  for (const [folder, { tenant, files }] of folders) {
    const tenantId = await ctx.graph.resolveTenant(tenant);
    const live = await fetchLiveTenant(ctx.graph.client(tenantId));
    let found: DriftEntry[];
    try {
      found = driftOfTenantFolder(files, live, folder);
    } catch (err) {
      if (err instanceof DriftReadError) throw new CliError(err.message);
      throw err;
    }
    entries.push(...found);
    tenants.push({ folder, tenantId, files: files.length, drifted: found.length });
  }

  for (const entry of entries) {
    const where = entry.range
      ? `${entry.file}:${entry.range.start.line + 1}:${entry.range.start.character + 1}`
      : entry.file;
    ctx.print(`${where}: ${entry.message}`);
  }
  for (const t of tenants) {
    ctx.print(
      t.drifted === 0
        ? `${t.folder}: no drift (${t.files} files match tenant ${t.tenantId}).`
        : `${t.folder}: ${plural(t.drifted, 'difference')} from tenant ${t.tenantId}.`,
    );
  }
  return {
    code: entries.length > 0 ? 1 : 0,
    json: { drift: entries.length > 0, tenants, entries },
  };
}
