import type { GraphClient } from '../graph/graphClient';
import {
  findTenantInformationByDomainName,
  findTenantInformationByTenantId,
} from '../graph/operations/tenants';
import { isGuid } from '../policy/guid';
import type { LogPort } from '../ports/logPort';
import type { WithProgress } from '../ports/progress';
import type { UserInput } from '../ports/userInput';
import { tenantLabel } from '../tenants/tenantLabel';
import type { TenantRecord } from '../tenants/tenantRecord';
import { validateTenantInput } from '../tenants/resolveTenant';
import {
  createSyncConfiguration,
  type CreatedConfiguration,
  type CreateStep,
} from './createConfiguration';

/** Everything New Sync Configuration asks, from the command (localised there). */
export interface NewConfigurationWords {
  readonly targetTitle: (source: string) => string;
  readonly targetPlaceHolder: string;
  /** The last item of the target pick: a tenant not in the Tenants view. */
  readonly anotherTenant: string;
  readonly anotherTitle: string;
  readonly anotherPrompt: string;
  readonly title: string;
  readonly namePrompt: string;
  readonly nameMissing: string;
  readonly emailPrompt: string;
  readonly creating: (name: string) => string;
  readonly steps: Readonly<Record<CreateStep, string>>;
}

export interface NewConfigurationHost {
  readonly ui: UserInput;
  readonly log: LogPort;
  readonly progress: WithProgress;
  /** The source tenant, where the configuration is created. */
  readonly source: TenantRecord;
  readonly client: GraphClient;
  /** The tenants of the Tenants view, offered as targets (the source is left out). */
  readonly tenants: readonly TenantRecord[];
  /** The source's sync configurations changed: reload what shows them. */
  changed(): void;
}

export interface NewConfiguration extends CreatedConfiguration {
  readonly name: string;
  readonly targetTenantId: string;
}

/** New configurations hold back a cycle that would delete more users than this (changeable in Scope and Notifications). */
const DELETION_THRESHOLD = 500;

async function pickTarget(
  host: NewConfigurationHost,
  words: NewConfigurationWords,
): Promise<{ tenantId: string; name: string }> {
  const { source, ui } = host;
  const picked = await ui.pick<TenantRecord | undefined>(
    [
      ...host.tenants
        .filter((r) => r.tenantId !== source.tenantId)
        .map((r) => ({ label: tenantLabel(r), description: r.defaultDomain, value: r })),
      { label: words.anotherTenant, value: undefined },
    ],
    { title: words.targetTitle(tenantLabel(source)), placeHolder: words.targetPlaceHolder },
  );
  if (picked) return { tenantId: picked.tenantId, name: tenantLabel(picked) };
  const input = (
    await ui.input({
      title: words.anotherTitle,
      prompt: words.anotherPrompt,
      validate: validateTenantInput,
    })
  ).trim();
  // Graph's tenant lookup, from the source: it names the tenant before anything is created.
  const info = isGuid(input)
    ? await findTenantInformationByTenantId(host.client, input)
    : await findTenantInformationByDomainName(host.client, input);
  return {
    tenantId: info.tenantId,
    name: info.displayName ?? info.defaultDomainName ?? info.tenantId,
  };
}

/**
 * "New Sync Configuration…" in a source tenant: the target (a tenant of the view, or any by id or
 * domain, looked up first), the name and an optional notification email are asked; then template →
 * service principal → job → credentials → connection test run with progress. A failed test is part
 * of the result, not an error: the configuration exists, and the command explains what to fix.
 */
export async function newConfigurationFlow(
  host: NewConfigurationHost,
  words: NewConfigurationWords,
): Promise<NewConfiguration> {
  const { ui, source } = host;
  const target = await pickTarget(host, words);
  const name = (
    await ui.input({
      title: words.title,
      prompt: words.namePrompt,
      value: target.name,
      validate: (v) => (v.trim() ? undefined : words.nameMissing),
    })
  ).trim();
  const notificationEmail = (
    await ui.input({ title: words.title, prompt: words.emailPrompt })
  ).trim();
  let created: CreatedConfiguration;
  try {
    created = await host.progress(words.creating(name), (report, signal) =>
      createSyncConfiguration(
        host.client,
        {
          displayName: name,
          targetTenantId: target.tenantId,
          deletionThreshold: DELETION_THRESHOLD,
          ...(notificationEmail ? { notificationEmail } : {}),
        },
        {
          signal,
          onStep: (step, detail) =>
            report({ message: `${words.steps[step]}${detail ? ` (${detail})` : ''}…` }),
        },
      ),
    );
  } finally {
    // Also after a failure: what was created before it shows in the tree.
    host.changed();
  }
  host.log.info(
    `Created sync configuration "${name}" in ${source.tenantId} for ${target.tenantId}: service principal ${created.servicePrincipalId}, job ${created.jobId}; connection test ${created.test.ok ? 'passed' : 'failed'}.`,
  );
  return { ...created, name, targetTenantId: target.tenantId };
}
