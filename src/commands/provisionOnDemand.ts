import * as vscode from 'vscode';
import {
  getSyncSchema,
  provisionOnDemand as provisionOnDemandOperation,
} from '../core/graph/operations/syncJobs';
import { describeError } from '../core/describeError';
import { explainOnDemand } from '../core/sync/provisioningErrors';
import { onDemandMarkdown, type OnDemandOutcome } from '../core/sync/onDemandReport';
import { RateLimiter } from '../core/sync/rateLimiter';

import { withCancellableProgress } from '../host/cancellation';
import type { CommandDefinition } from './commandContext';
import { pickDirectoryObjects, type DirectoryObject } from './pickDirectoryObjects';
import { jobArg, type JobRef, jobChange } from './jobArg';

/**
 * A job and the users to provision, chosen where the command was started: the log panel's
 * details pane names the user of an entry ("Provision this user on demand").
 */
export interface OnDemandRequest extends JobRef {
  readonly subjects: readonly DirectoryObject[];
}

function isDirectoryObject(o: unknown): o is DirectoryObject {
  const d = o as Partial<DirectoryObject> | undefined;
  return (
    typeof d?.id === 'string' &&
    typeof d.name === 'string' &&
    (d.type === 'User' || d.type === 'Group')
  );
}

function subjectsOf(arg: unknown): readonly DirectoryObject[] | undefined {
  const subjects = (arg as Partial<OnDemandRequest> | undefined)?.subjects;
  if (subjects === undefined) return undefined;
  if (Array.isArray(subjects) && subjects.length && subjects.every(isDirectoryObject))
    return subjects;
  throw new Error(vscode.l10n.t('Provision on Demand got no user or group to provision.'));
}

/**
 * Graph allows 5 on-demand requests per 10 s per tenant: one limiter for the whole session. The
 * window is a second longer, because Graph counts when a request arrives and we count when it
 * leaves: a slow first request and a fast sixth would otherwise land in one window and be throttled.
 */
const limiter = new RateLimiter(5, 11_000);

/**
 * Provisions chosen users or groups of the source tenant right now, within Graph's rate limit, and
 * shows each result: action, steps, modified attributes, and a skip or error reason with its remedy.
 * Arguments: a job node or a job reference (see jobArg): the users and groups are searched and
 * chosen; or an OnDemandRequest: its users. Returns the report's URI and each outcome.
 */
export const provisionOnDemand: CommandDefinition = {
  id: 'crossTenant.provisionOnDemand',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    const client = ctx.connections.client(node.tenant);
    const configuration = node.servicePrincipal.displayName ?? vscode.l10n.t('Sync job');
    const subjects =
      subjectsOf(arg) ??
      (await pickDirectoryObjects(
        ctx.ui,
        client,
        vscode.l10n.t('Provision on demand: {0}', configuration),
      ));
    const schema = await getSyncSchema(client, node.servicePrincipal.id!, node.job.id!);
    const rule =
      schema.synchronizationRules?.find((r) => r.name === 'USER_INBOUND_USER') ??
      schema.synchronizationRules?.[0];
    if (!rule?.id)
      throw new Error(
        vscode.l10n.t("The job's schema has no synchronization rule to provision with."),
      );
    const outcomes: OnDemandOutcome[] = [];
    await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Provisioning on demand'),
      },
      async (progress, signal) => {
        for (const [i, subject] of subjects.entries()) {
          progress.report({
            message: vscode.l10n.t(
              '{0} ({1} of {2}; Graph allows 5 every 10 s)',
              subject.name,
              i + 1,
              subjects.length,
            ),
            increment: 100 / subjects.length,
          });
          await limiter.acquire(signal);
          try {
            const result = await ctx.data.tenant(node.tenant).write(jobChange(node), (writer) =>
              provisionOnDemandOperation(
                writer,
                node.servicePrincipal.id!,
                node.job.id!,
                [
                  {
                    ruleId: rule.id!,
                    subjects: [{ objectId: subject.id, objectTypeName: subject.type }],
                  },
                ],
                { signal },
              ),
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
    const uri = ctx.onDemandReports.add(
      node.job.id!,
      configuration,
      onDemandMarkdown(configuration, outcomes, new Date()),
    );
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return { uri: uri.toString(), outcomes };
  },
};
