// `npm run test:live [-- --write <partner tenant id>] [--cloud <name>]`: the read paths of the
// extension and the CLI against a real tenant, app-only, with credentials from the environment
// (AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, as
// @azure/identity reads them). Read-only, unless --write names a test partner of the tenant: then
// one setting of that partner is changed, read back, and restored. Never part of npm test or CI;
// without a tenant it says so in one line and exits 0. Prints one line per check.
import { DEFAULT_GRAPH_LIMITS } from '../src/core/graph/limits';
import type { CrossTenantAccessPolicyInboundTrust as InboundTrust } from '@microsoft/microsoft-graph-types';
import { getCloud, isCloudName, type CloudName } from '../src/core/auth/clouds';
import { describeError } from '../src/core/describeError';
import type { GraphClient } from '../src/core/graph/graphClient';
import { getPartner, updatePartner } from '../src/core/graph/operations/partners';
import { getPolicy } from '../src/core/graph/operations/policy';
import { provisioningLogPages } from '../src/core/graph/operations/provisioningLogs';
import { findSyncConfigurations } from '../src/core/graph/operations/syncConfigurations';
import { listSyncJobs } from '../src/core/graph/operations/syncJobs';
import { getOrganization } from '../src/core/graph/operations/tenants';
import { loadPartnerOverview, type PartnerOverview } from '../src/core/graph/partnerOverview';
import { describeJobStatus } from '../src/core/sync/jobStatus';
import { oneLine } from '../src/core/policy/markdownText';
import { isGuid } from '../src/core/policy/guid';
import { CliError } from '../src/cli/args';
import { connect, environmentCredentialKind, KIND_WORDS, type Env } from '../src/cli/connection';

export interface LiveCheckIo {
  readonly stdout: { write(text: string): unknown };
  readonly env: Env;
}

const USAGE =
  'Usage: npm run test:live [-- --write <partner tenant id>] [--cloud global|usGov|usGovDoD|china]';
/** One page is enough to prove the query; the reports API allows 5 requests per 10 s. */
const LOG_PAGE_SIZE = 50;

interface LiveArgs {
  readonly write?: string;
  readonly cloud: CloudName;
}

function parseLiveArgs(argv: readonly string[]): LiveArgs {
  let write: string | undefined;
  let cloud: string = 'global';
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--'))
        throw new CliError(`${name} needs a value. ${USAGE}`);
      return v;
    };
    if (name === '--write') write = value().trim();
    else if (name === '--cloud') cloud = value();
    else if (name === '--help' || name === '-h') throw new CliError(USAGE);
    else throw new CliError(`Unknown argument ${argv[i]}. ${USAGE}`);
  }
  if (write !== undefined && !isGuid(write))
    throw new CliError(`--write needs the tenant id (a GUID) of a test partner, not "${write}".`);
  if (!isCloudName(cloud))
    throw new CliError(`Unknown cloud "${cloud}": use global, usGov, usGovDoD or china.`);
  return { write: write?.toLowerCase(), cloud };
}

/** A value from Graph, safe on a terminal line (names come from other tenants). */
const shown = (value: string | null | undefined): string => oneLine(value ?? '');

interface Check {
  readonly name: string;
  readonly run: () => Promise<string>;
}

/** Runs the checks; returns the exit code: 0 all passed (or no tenant), 1 a check failed, 2 bad usage. */
export async function liveCheck(argv: readonly string[], io: LiveCheckIo): Promise<number> {
  const print = (line: string): unknown => io.stdout.write(`${line}\n`);
  let args: LiveArgs;
  try {
    args = parseLiveArgs(argv);
  } catch (err) {
    print(`test:live: ${(err as Error).message}`);
    return 2;
  }
  const tenantId = io.env.AZURE_TENANT_ID?.trim().toLowerCase();
  if (!tenantId) {
    print(
      'test:live: no tenant configured (set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH); nothing checked.',
    );
    return 0;
  }
  const cloud = getCloud(args.cloud);
  let client: GraphClient;
  let how: string;
  try {
    if (!isGuid(tenantId))
      throw new CliError(`AZURE_TENANT_ID must be a tenant id (a GUID), not "${tenantId}".`);
    how = KIND_WORDS[environmentCredentialKind(io.env)];
    const connection = connect({
      cloud: cloud.name,
      env: io.env,
      limits: {
        ...DEFAULT_GRAPH_LIMITS,
        signal: AbortSignal.timeout(DEFAULT_GRAPH_LIMITS.deadlineMs),
      },
    });
    client = connection.client(tenantId);
    print(
      `Live check of tenant ${tenantId} through ${connection.description}, app-only as ${io.env.AZURE_CLIENT_ID} (${how}); ${args.write ? `writes to partner ${args.write} only, restored afterwards` : 'read-only'}.`,
    );
  } catch (err) {
    print(`test:live: ${(err as Error).message}`);
    return 2;
  }

  let overview: PartnerOverview | undefined;
  const checks: Check[] = [
    {
      name: 'tenant',
      run: async () => {
        const org = await getOrganization(client);
        const domain = org.verifiedDomains?.find((d) => d.isDefault)?.name;
        return `${shown(org.displayName)}${domain ? `, ${shown(domain)}` : ''}`;
      },
    },
    {
      name: 'policy',
      run: async () => {
        const policy = await getPolicy(client);
        const clouds = policy.allowedCloudEndpoints ?? [];
        return `${shown(policy.displayName)}; allowed cloud endpoints: ${clouds.length ? clouds.map(shown).join(', ') : 'none'}`;
      },
    },
    {
      name: 'default',
      run: async () => {
        overview = await loadPartnerOverview(client);
        const d = overview.defaultConfiguration;
        return `${d.isServiceDefault ? "Microsoft's service defaults" : 'changed from the service defaults'}; inbound trust of MFA: ${d.inboundTrust?.isMfaAccepted ? 'yes' : 'no'}`;
      },
    },
    {
      name: 'partners',
      run: () => {
        const partners = overview!.partners;
        const named = partners.filter((p) => p.displayName !== undefined);
        const list = partners
          .slice(0, 5)
          .map(
            (p) =>
              `${shown(p.displayName ?? p.tenantId)}${p.defaultDomainName ? ` (${shown(p.defaultDomainName)})` : ''}`,
          );
        return Promise.resolve(
          `${partners.length} partner${partners.length === 1 ? '' : 's'}, ${named.length} named${list.length ? `: ${list.join(', ')}${partners.length > 5 ? ', …' : ''}` : ''}`,
        );
      },
    },
    {
      name: 'sync',
      run: async () => {
        const configurations = await findSyncConfigurations(client);
        const described: string[] = [];
        for (const sp of configurations) {
          const jobs = await listSyncJobs(client, sp.id!);
          described.push(
            `${shown(sp.displayName)} (${jobs.map((j) => describeJobStatus(j).label).join(', ') || 'no job'})`,
          );
        }
        return `${configurations.length} configuration${configurations.length === 1 ? '' : 's'}${described.length ? `: ${described.join(', ')}` : ''}`;
      },
    },
    {
      name: 'provisioning',
      run: async () => {
        const pages = provisioningLogPages(client, { pageSize: LOG_PAGE_SIZE });
        const first = await pages.next();
        await pages.return();
        const entries = first.done ? [] : first.value;
        return `one page: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${entries[0]?.activityDateTime ? `, newest ${entries[0].activityDateTime}` : ''}`;
      },
    },
  ];
  if (args.write)
    checks.push({ name: 'write', run: () => reversibleWrite(client, args.write!, () => overview) });

  let failed = 0;
  for (const check of checks) {
    try {
      print(`  ✓ ${check.name.padEnd(13)}${await check.run()}`);
    } catch (err) {
      failed++;
      print(`  ✗ ${check.name.padEnd(13)}${oneLine(describeError(err).summary)}`);
    }
  }
  print(`${checks.length - failed} checks passed, ${failed} failed.`);
  return failed ? 1 : 0;
}

/**
 * The one write: the test partner's inbound trust of hybrid-joined devices is flipped (a nested
 * setting, so the partner's whole inboundTrust is sent, as Graph replaces nested objects), read
 * back, and the partner's own value put back (null again if it inherited), read back again.
 */
async function reversibleWrite(
  client: GraphClient,
  partnerTenantId: string,
  overview: () => PartnerOverview | undefined,
): Promise<string> {
  const summary = overview()?.partners.find((p) => p.tenantId.toLowerCase() === partnerTenantId);
  if (!summary)
    throw new Error(`${partnerTenantId} is not a partner of this tenant: nothing was written.`);
  const before = (await getPartner(client, partnerTenantId)).inboundTrust ?? null;
  const effective: InboundTrust = {
    ...(overview()!.defaultConfiguration.inboundTrust ?? {}),
    ...(before ?? {}),
  };
  const changed: InboundTrust = {
    isMfaAccepted: effective.isMfaAccepted ?? false,
    isCompliantDeviceAccepted: effective.isCompliantDeviceAccepted ?? false,
    isHybridAzureADJoinedDeviceAccepted: !effective.isHybridAzureADJoinedDeviceAccepted,
  };
  await updatePartner(client, partnerTenantId, { inboundTrust: changed });
  const readBack = (await getPartner(client, partnerTenantId).catch(() => undefined))?.inboundTrust;
  // Put back whatever happened above; a failed restore is the one thing the user must hear about.
  try {
    await updatePartner(client, partnerTenantId, { inboundTrust: before });
    const after = (await getPartner(client, partnerTenantId)).inboundTrust ?? null;
    if (!sameTrust(after, before)) throw new Error('read back a different value');
  } catch (err) {
    throw new Error(
      `could not restore the inbound trust of partner ${partnerTenantId} (${describeError(err).summary}): set it back to ${JSON.stringify(before)} yourself.`,
    );
  }
  if (readBack?.isHybridAzureADJoinedDeviceAccepted !== changed.isHybridAzureADJoinedDeviceAccepted)
    throw new Error('the change was accepted but not read back (restored).');
  return `partner ${shown(summary.displayName ?? partnerTenantId)}: inbound trust of hybrid-joined devices ${changed.isHybridAzureADJoinedDeviceAccepted ? 'on' : 'off'}, read back, restored`;
}

function sameTrust(a: InboundTrust | null, b: InboundTrust | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    !!a.isMfaAccepted === !!b.isMfaAccepted &&
    !!a.isCompliantDeviceAccepted === !!b.isCompliantDeviceAccepted &&
    !!a.isHybridAzureADJoinedDeviceAccepted === !!b.isHybridAzureADJoinedDeviceAccepted
  );
}

if (require.main === module) {
  void liveCheck(process.argv.slice(2), { stdout: process.stdout, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
