import type { GraphClient } from '../../core/graph/graphClient';
import { createIdentitySync, updateIdentitySync } from '../../core/graph/operations/identitySync';
import { createPartner, listPartners, updatePartner } from '../../core/graph/operations/partners';
import { updateDefaultConfiguration, updatePolicy } from '../../core/graph/operations/policy';
import type { NewPartner } from '../../core/graph/types';
import { defaultBlastRadius, type BlastRadiusEntry } from '../../core/policy/blastRadius';
import { checkDocument } from '../../core/policy/checkDocument';
import type { Diagnostic } from '../../core/policy/diagnostic';
import { summarizeChanges } from '../../core/policy/diffSummary';
import { comparable, leafDifferences, unsentKeys } from '../../core/policy/documentPaths';
import { PolicySchemas } from '../../core/policy/policySchemas';
import { planPush } from '../../core/policy/pushPlan';
import { exportPaths, liveSinceExport, type ExportPaths } from '../../core/policy/exportBase';
import { writeFileUnder } from '../../core/files/writeFilesUnder';
import { toCanonicalText } from '../../core/policy/canonical';
import { boundedLines, CHANGE_LIST_BOUNDS } from '../../core/boundedLines';
import { unknownPropertiesSent } from '../../core/policy/unknownPropertiesSent';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import * as fs from 'fs';
import * as path from 'path';
import { expandArguments, packageRoot, type FoundFile } from '../files';
import { describeTarget, fetchLive, readTenantDocument, type TenantDocument } from '../live';
import { plural } from '../../core/plural';

type Action = 'update' | 'create' | 'none';

/**
 * `push <file> [--yes]`: refuses a document with errors; plans against a fresh GET (minimal PATCH,
 * or a create when the tenant has no such partner or identity sync) and prints the plan, with the
 * partners a change of the default settings reaches. Without `--yes` nothing is sent and the exit
 * code is 1 (0 when there is nothing to push); with it the request is sent, the object re-read and
 * whatever still differs reported.
 */
export async function pushCommand(ctx: CliContext): Promise<CommandResult> {
  const [only, ...rest] = ctx.args.positionals;
  if (only === undefined || rest.length > 0)
    throw new CliError('Usage: cross-tenant push <file> [--yes] [--force]');
  const [file] = expandArguments([only]);
  if (!file || file.display !== only)
    throw new CliError(`${only}: push takes one file, not a folder.`);
  const doc = await readTenantDocument(ctx, file);
  const diagnostics = checkDocument(doc.kind, doc.text, {
    schemas: PolicySchemas.load(packageRoot()),
    ...(doc.identity.partnerTenantId ? { expectedTenantId: doc.identity.partnerTenantId } : {}),
  });
  refuseErrors(ctx, file.display, diagnostics);
  const client = ctx.graph.client(doc.tenantId);
  const live = await fetchLive(client, doc.identity);
  const paths = exportPaths(file.absolute);
  const since = liveSinceExport(doc.kind, paths && readBase(paths), live, doc.value);
  const force = ctx.args.force;
  const rebased = since.state === 'moved' && !force ? since.result : undefined;
  if (rebased && rebased.conflicts.length > 0) {
    ctx.note(`${file.display}: the tenant changed since the file was exported; both changed:`);
    for (const c of rebased.conflicts)
      ctx.note(
        `  ${c.label}: exported ${show(c.base)}, the tenant now ${show(c.live)}, the file ${show(c.draft)}`,
      );
    throw new CliError(
      `${file.display}: nothing was pushed: someone changed ${rebased.conflicts.length === 1 ? 'a setting' : 'settings'} you edited. Export again and redo your edit, or overwrite the tenant's value with --force.`,
    );
  }
  if (since.state === 'removed' && !force)
    throw new CliError(
      `${file.display}: nothing was pushed: ${describeTarget(doc)} was removed from the tenant since the file was exported. Create it again with --force.`,
    );
  // The file's edits on top of what the tenant holds now; the file itself when live has not moved.
  const wanted = rebased ? rebased.merged : doc.value;
  const plan = live === undefined ? undefined : planPush(doc.kind, live, wanted);
  // A default setting the file leaves out is only visible against live: the default cannot inherit.
  if (plan && plan.cannotInherit.length > 0)
    refuseErrors(
      ctx,
      file.display,
      checkDocument(doc.kind, doc.text, {
        schemas: PolicySchemas.load(packageRoot()),
        startedFrom: live!,
      }).filter((d) => d.code === 'default-cannot-inherit'),
    );
  const action: Action = live === undefined ? 'create' : plan!.empty ? 'none' : 'update';
  const unguarded =
    action === 'update' && !force && (since.state === 'unrecorded' || since.state === 'unreadable');
  if (unguarded)
    throw new CliError(
      `${file.display}: nothing was pushed: ${since.state === 'unrecorded' ? 'there is no record' : 'the record is unreadable'} of the version it was exported from (${printableBase(file.display)}), so a push could undo changes made in the tenant since. Export again and redo your edit, or push the file as it stands with --force.`,
    );
  const body = live === undefined ? creationBody(doc) : plan!.patch;
  const unknown = unknownPropertiesSent(
    doc.text,
    diagnostics,
    live === undefined ? 'all' : Object.keys(body),
  );
  if (unknown.length > 0) {
    for (const d of unknown)
      ctx.note(
        `${file.display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message.split('. ')[0]}.`,
      );
    throw new CliError(
      `${file.display}: nothing was pushed: Graph answers 400 to a property it does not know. Remove it or fix its spelling (cross-tenant validate ${file.display}).`,
    );
  }
  const changes = plan?.changes ?? summarizeChanges(doc.kind, {}, doc.value);
  const theirs = since.state === 'moved' ? since.result.theirs : [];
  const blastRadius =
    doc.kind === 'default' && plan && !plan.empty
      ? await reach(client, live!, plan.patch)
      : undefined;
  const request = action === 'none' ? undefined : { method: requestMethod(doc, action), body };
  const summary = {
    file: file.display,
    tenantId: doc.tenantId,
    kind: doc.kind,
    action,
    changes,
    request,
    liveSinceExport: since.state,
    ...(theirs.length > 0 ? { changedInTenant: theirs, rebased: rebased !== undefined } : {}),
    ...(blastRadius ? { blastRadius } : {}),
  };

  ctx.print(`${file.display} → ${describeTarget(doc)} (${ctx.graph.description})`);
  if (theirs.length > 0) {
    ctx.print(
      rebased
        ? 'The tenant changed since the file was exported; your edits go on top of its changes:'
        : '--force: these changes made in the tenant since the file was exported are overwritten:',
    );
    for (const line of printableList(theirs)) ctx.print(`  ${line}`);
  }
  if (action === 'none') {
    ctx.print('Nothing to push: the tenant already matches the file.');
    return { code: 0, json: { ...summary, pushed: false } };
  }
  ctx.print(
    action === 'create'
      ? `The tenant does not have it yet: ${request!.method} creates it with:`
      : `${plural(changes.length, 'change')} (${request!.method} of ${Object.keys(body).join(', ')}):`,
  );
  for (const line of printableList(changes)) ctx.print(`  ${line}`);
  for (const entry of blastRadius ?? []) {
    const ids = entry.inheritingPartnerIds;
    if (ids.length > 0)
      ctx.print(
        `  ${entry.label} is inherited by ${plural(ids.length, 'partner')}: ${ids.join(', ')}`,
      );
  }
  if (!ctx.args.yes) {
    ctx.print('Nothing was sent. Run again with --yes to push.');
    return { code: 1, json: { ...summary, pushed: false } };
  }

  await send(client, doc, action, body);
  const after = await fetchLive(client, doc.identity);
  const remaining = leafDifferences(
    comparable(doc.kind, after ?? {}),
    comparable(doc.kind, wanted),
  ).map(({ path }) => path.join('.'));
  ctx.print(`Pushed to ${describeTarget(doc)}.`);
  await recordPushed(ctx, file, doc, paths, after, rebased ? wanted : undefined);
  if (remaining.length > 0)
    ctx.print(
      `The tenant still differs from the file in: ${remaining.join(', ')} (Graph may have normalised them; run cross-tenant diff ${file.display}).`,
    );
  else ctx.print('Re-read: the tenant now matches the file.');
  return { code: 0, json: { ...summary, pushed: true, remaining } };
}

/** The base a file was exported with; undefined when there is none (a file written by hand, an older export). */
function readBase(paths: ExportPaths): string | undefined {
  try {
    return fs.readFileSync(path.join(paths.root, paths.base), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Present but unreadable (a folder, no permission): not a record push can trust.
    return '';
  }
}

function printableBase(display: string): string {
  const paths = exportPaths(display);
  return paths ? path.join(paths.root, paths.base) : display;
}

/**
 * After a push, the base becomes what the tenant holds now, so the next push compares with that.
 * A rebased push also writes the tenant's changes into the file: otherwise the file, read against
 * its new base, would look like an edit undoing them. A failed write leaves the old base, which the
 * next push rebases on again: nothing is undone either way.
 */
async function recordPushed(
  ctx: CliContext,
  file: FoundFile,
  doc: TenantDocument,
  paths: ExportPaths | undefined,
  after: Record<string, unknown> | undefined,
  rebasedFile: Record<string, unknown> | undefined,
): Promise<void> {
  if (paths === undefined || after === undefined) return;
  try {
    if (rebasedFile) {
      await writeFileUnder(paths.root, paths.file, toCanonicalText(doc.kind, rebasedFile));
      ctx.print(`${file.display} now holds the tenant's changes too.`);
    }
    await writeFileUnder(paths.root, paths.base, toCanonicalText(doc.kind, after));
  } catch (err) {
    ctx.note(
      `${file.display}: pushed, but its export record could not be updated (${err instanceof Error ? err.message : String(err)}); the next push compares with the previous one.`,
    );
  }
}

/** A value inside one line of a conflict. */
function show(value: unknown): string {
  return boundedLines([JSON.stringify(value) ?? 'null'], { maxLines: 1, maxChars: 80 })[0];
}

function printableList(lines: readonly string[]): string[] {
  return boundedLines(
    lines,
    CHANGE_LIST_BOUNDS,
    (hidden) => `… and ${hidden} more (--json lists every one)`,
  );
}

/** Prints each error at its place and ends the command (exit 2) when there is any: nothing is pushed. */
function refuseErrors(ctx: CliContext, display: string, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  for (const d of errors)
    ctx.note(
      `${display}:${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${d.message} [${d.code}]`,
    );
  throw new CliError(
    `${display} has ${plural(errors.length, 'error')}: nothing was pushed. Fix them (cross-tenant validate ${display}) and try again.`,
  );
}

/** What a create sends: the document without the keys Graph owns; a partner's POST carries its tenantId. */
function creationBody(doc: TenantDocument): Record<string, unknown> {
  const skip = new Set(unsentKeys(doc.kind));
  const body = Object.fromEntries(
    Object.entries(doc.value).filter(([key]) => !skip.has(key) && !key.includes('@odata.')),
  );
  return doc.kind === 'partner' ? { tenantId: doc.identity.partnerTenantId, ...body } : body;
}

function requestMethod(doc: TenantDocument, action: Action): string {
  if (action !== 'create') return 'PATCH';
  return doc.kind === 'identitySync' ? 'PUT' : 'POST';
}

async function send(
  client: GraphClient,
  doc: TenantDocument,
  action: Action,
  body: Record<string, unknown>,
): Promise<void> {
  const partnerTenantId = doc.identity.partnerTenantId ?? '';
  switch (doc.kind) {
    case 'policy':
      return updatePolicy(client, body);
    case 'default':
      return updateDefaultConfiguration(client, body);
    case 'partner':
      if (action === 'create') {
        await createPartner(client, body as unknown as NewPartner);
        return;
      }
      return updatePartner(client, partnerTenantId, body);
    case 'identitySync':
      return action === 'create'
        ? createIdentitySync(client, partnerTenantId, body)
        : updateIdentitySync(client, partnerTenantId, body);
  }
}

/** The partners that inherit what the PATCH changes in the default settings. */
async function reach(
  client: GraphClient,
  live: Record<string, unknown>,
  patch: Record<string, unknown>,
): Promise<BlastRadiusEntry[]> {
  const partners = await listPartners(client, { expandIdentitySync: false });
  return defaultBlastRadius(live, { ...live, ...patch }, partners);
}
