import * as vscode from 'vscode';
import {
  getSyncSchema,
  provisionOnDemand as provisionOnDemandOperation,
} from '../core/graph/operations/syncJobs';
import { describeError } from '../core/describeError';
import { explainOnDemand } from '../core/sync/provisioningErrors';
import { onDemandMarkdown, type OnDemandOutcome } from '../core/sync/onDemandReport';
import { RateLimiter } from '../core/sync/rateLimiter';
import { pickDirectoryObjects } from './pickDirectoryObjects';
import { withCancellableProgress } from '../host/cancellation';
import type { CommandDefinition } from './commandContext';
import { jobArg } from './jobArg';

type Subject = OnDemandOutcome['subject'];

/**
 * Graph allows 5 on-demand requests per 10 s per tenant: one limiter for the whole session. The
 * window is a second longer, because Graph counts when a request arrives and we count when it
 * leaves: a slow first request and a fast sixth would otherwise land in one window and be throttled.
 */
const limiter = new RateLimiter(5, 11_000);

/**
 * Provisions chosen users or groups of the source tenant right now, within Graph's rate limit, and
 * shows each result: action, steps, modified attributes, and a skip or error reason with its remedy.
 */
export const provisionOnDemand: CommandDefinition = {
  id: 'crossTenant.provisionOnDemand',
  run: async (ctx, arg, options) => {
    const node = jobArg(arg);
    const client = ctx.connections.client(node.tenant);
    const subjects =
      (options as { subjects?: Subject[] } | undefined)?.subjects ??
      (await pickDirectoryObjects(
        ctx.ui,
        client,
        `Provision on demand: ${node.servicePrincipal.displayName ?? 'sync job'}`,
      ));
    if (!subjects?.length) return undefined;
    const schema = await getSyncSchema(client, node.servicePrincipal.id!, node.job.id!);
    const rule =
      schema.synchronizationRules?.find((r) => r.name === 'USER_INBOUND_USER') ??
      schema.synchronizationRules?.[0];
    if (!rule?.id)
      throw new Error("The job's schema has no synchronization rule to provision with.");
    const outcomes: OnDemandOutcome[] = [];
    await withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Provisioning on demand' },
      async (progress, signal) => {
        for (const [i, subject] of subjects.entries()) {
          progress.report({
            message: `${subject.name} (${i + 1} of ${subjects.length}; Graph allows 5 every 10 s)`,
            increment: 100 / subjects.length,
          });
          await limiter.acquire(signal);
          try {
            const result = await provisionOnDemandOperation(
              client,
              node.servicePrincipal.id!,
              node.job.id!,
              [
                {
                  ruleId: rule.id!,
                  subjects: [{ objectId: subject.id, objectTypeName: subject.type }],
                },
              ],
              { signal },
            );
            outcomes.push({ subject, result: explainOnDemand(result) });
          } catch (err) {
            const d = describeError(err);
            if (d.cancelled) throw err;
            ctx.log.error(`Provision on demand of ${subject.id} failed: ${d.detail}`);
            outcomes.push({ subject, error: d.summary });
          }
        }
      },
    );
    const configuration = node.servicePrincipal.displayName ?? 'Sync job';
    const uri = ctx.onDemandReports.add(
      node.job.id!,
      configuration,
      onDemandMarkdown(configuration, outcomes, new Date()),
    );
    const given = options as { subjects?: unknown; show?: boolean } | undefined;
    if (!given?.subjects || given.show)
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    ctx.data.invalidate(node.tenant, 'sync');
    return { uri: uri.toString(), outcomes };
  },
};
