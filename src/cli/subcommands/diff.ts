import { summarizeChanges, pathLabel } from '../../core/policy/diffSummary';
import { comparable, leafDifferences } from '../../core/policy/documentPaths';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import { expandArguments } from '../files';
import { describeTarget, fetchLive, readTenantDocument } from '../live';
import { plural } from '../../core/plural';

/**
 * `diff <file>`: what pushing the file would change in the tenant now — the change summary in
 * words, then each differing property with the tenant's value (`-`) and the file's (`+`). Exit 0
 * when they match, 1 when they differ.
 */
export async function diffCommand(ctx: CliContext): Promise<CommandResult> {
  const [only, ...rest] = ctx.args.positionals;
  if (only === undefined || rest.length > 0) throw new CliError('Usage: cross-tenant diff <file>');
  const [file] = expandArguments([only]);
  if (!file || file.display !== only)
    throw new CliError(`${only}: diff takes one file, not a folder.`);
  const doc = await readTenantDocument(ctx, file);
  const live = await fetchLive(ctx.graph.client(doc.tenantId), doc.identity);
  const changes = summarizeChanges(doc.kind, live ?? {}, doc.value);
  const properties = leafDifferences(
    comparable(doc.kind, live ?? {}),
    comparable(doc.kind, doc.value),
  ).map(({ path, before, after }) => ({
    path,
    label: pathLabel(path),
    live: before ?? null,
    file: after ?? null,
  }));
  const differs = live === undefined || properties.length > 0;
  ctx.print(`${file.display} against ${describeTarget(doc)} (${ctx.graph.description})`);
  if (live === undefined) ctx.print('The tenant does not have it: pushing the file creates it.');
  if (!differs) {
    ctx.print('No differences.');
  } else {
    if (changes.length > 0) {
      ctx.print(`${plural(changes.length, 'change')} if pushed:`);
      for (const line of changes) ctx.print(`  ${line}`);
    }
    ctx.print('--- tenant');
    ctx.print(`+++ ${file.display}`);
    for (const property of properties) {
      ctx.print(`@@ ${property.path.join('.')} (${property.label})`);
      for (const line of valueLines(property.live)) ctx.print(`- ${line}`);
      for (const line of valueLines(property.file)) ctx.print(`+ ${line}`);
    }
  }
  return {
    code: differs ? 1 : 0,
    json: {
      file: file.display,
      tenantId: doc.tenantId,
      kind: doc.kind,
      exists: live !== undefined,
      differs,
      changes,
      properties,
    },
  };
}

function valueLines(value: unknown): string[] {
  return JSON.stringify(value ?? null, null, 2).split('\n');
}
