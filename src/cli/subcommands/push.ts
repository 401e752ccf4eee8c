import type { GraphClient } from '../../core/graph/graphClient';
import { createIdentitySync, updateIdentitySync } from '../../core/graph/operations/identitySync';
import { createPartner, listPartners, updatePartner } from '../../core/graph/operations/partners';
import { updateDefaultConfiguration, updatePolicy } from '../../core/graph/operations/policy';
import type { NewPartner } from '../../core/graph/types';
import { defaultBlastRadius, type BlastRadiusEntry } from '../../core/policy/blastRadius';
import { checkDocument } from '../../core/policy/checkDocument';
import { summarizeChanges } from '../../core/policy/diffSummary';
import { comparable, leafDifferences, unsentKeys } from '../../core/policy/documentPaths';
import { PolicySchemas } from '../../core/policy/policySchemas';
import { planPush } from '../../core/policy/pushPlan';
import { unknownPropertiesSent } from '../../core/policy/unknownPropertiesSent';
import { CliError } from '../args';
import type { CliContext, CommandResult } from '../cliContext';
import { expandArguments, packageRoot } from '../files';
import { describeTarget, fetchLive, readTenantDocument, type TenantDocument } from '../live';

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
    throw new CliError('Usage: cross-tenant push <file> [--yes]');
  const [file] = expandArguments([only]);
  if (!file || file.display !== only)
    throw new CliError(`${only}: push takes one file, not a folder.`);
  const doc = await readTenantDocument(ctx, file);
  const diagnostics = checkDocument(doc.kind, doc.text, {
    schemas: PolicySchemas.load(packageRoot()),
    ...(doc.identity.partnerTenantId ? { expectedTenantId: doc.identity.partnerTenantId } : {}),
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors)
      ctx.note(
        `${file.display}:${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${d.message} [${d.code}]`,
      );
    throw new CliError(
      `${file.display} has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was pushed. Fix them (cross-tenant validate ${file.display}) and try again.`,
    );
  }
  const client = ctx.graph.client(doc.tenantId);
  const live = await fetchLive(client, doc.identity);
  const plan = live === undefined ? undefined : planPush(doc.kind, live, doc.value);
  const action: Action = live === undefined ? 'create' : plan!.empty ? 'none' : 'update';
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
    ...(blastRadius ? { blastRadius } : {}),
  };

  ctx.print(`${file.display} → ${describeTarget(doc)} (${ctx.graph.description})`);
  if (action === 'none') {
    ctx.print('Nothing to push: the tenant already matches the file.');
    return { code: 0, json: { ...summary, pushed: false } };
  }
  ctx.print(
    action === 'create'
      ? `The tenant does not have it yet: ${request!.method} creates it with:`
      : `${changes.length} change${changes.length === 1 ? '' : 's'} (${request!.method} of ${Object.keys(body).join(', ')}):`,
  );
  for (const line of changes) ctx.print(`  ${line}`);
  for (const entry of blastRadius ?? []) {
    const ids = entry.inheritingPartnerIds;
    if (ids.length > 0)
      ctx.print(
        `  ${entry.label} is inherited by ${ids.length} partner${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`,
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
    comparable(doc.kind, doc.value),
  ).map(({ path }) => path.join('.'));
  ctx.print(`Pushed to ${describeTarget(doc)}.`);
  if (remaining.length > 0)
    ctx.print(
      `The tenant still differs from the file in: ${remaining.join(', ')} (Graph may have normalised them; run cross-tenant diff ${file.display}).`,
    );
  else ctx.print('Re-read: the tenant now matches the file.');
  return { code: 0, json: { ...summary, pushed: true, remaining } };
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
