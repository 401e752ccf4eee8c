// A busy sync's provisioning log for the e2e run: the sandbox's own seeded entries of both Contoso
// configurations, cloned into the failing Tailspin configuration until it holds `count` entries
// over the last six days, plus entries whose names and values carry payloads that set a marker
// (window.__xss) if any of them were ever run as markup or script.
import { randomUUID } from 'node:crypto';

export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  'javascript:window.__xss=4',
  '<iframe srcdoc="<script>parent.__xss=5</script>">',
];

async function readAll(sandbox, tenantId) {
  const token = sandbox.mintToken({ tenantId, scp: ['AuditLog.Read.All', 'Directory.Read.All'] });
  const out = [];
  let url = 'https://graph.microsoft.com/v1.0/auditLogs/provisioning?$top=1000';
  // Reports allow 5 requests per 10 s per tenant: a seeded log of more than 5,000 entries is
  // throttled like any client, so wait as Retry-After says (bounded: a few waits per page at most).
  for (let waits = 0; url;) {
    const res = await sandbox.fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 429 && waits++ < 20) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
      continue;
    }
    const body = await res.json();
    if (!res.ok)
      throw new Error(
        `reading the seeded log: ${res.status} ${JSON.stringify(body).slice(0, 200)}`,
      );
    out.push(...body.value);
    url = body['@odata.nextLink'];
  }
  return out;
}

/**
 * Appends entries to `configuration` (a SANDBOX_SYNC_CONFIGURATIONS value) until it holds `count`
 * in the last six days — what a panel loading the last seven days gets at least, a few minutes
 * later (its own older entries may add a few more). Returns `count`.
 */
export async function seedLogLoad(sandbox, configuration, count) {
  const seeded = await readAll(sandbox, configuration.sourceTenantId);
  const now = Date.now();
  const span = 6 * 24 * 3_600_000;
  const own = seeded.filter(
    (e) =>
      e.servicePrincipal?.id === configuration.servicePrincipalId &&
      Date.parse(e.activityDateTime) > now - span,
  ).length;
  const entries = [];
  for (let i = 0; own + entries.length < count; i++) {
    const e = structuredClone(seeded[i % seeded.length]);
    e.id = randomUUID();
    e.changeId = randomUUID();
    e.activityDateTime = new Date(now - Math.floor(((i + 1) / count) * span)).toISOString();
    e.servicePrincipal = {
      id: configuration.servicePrincipalId,
      displayName: configuration.displayName,
    };
    e.jobId = configuration.jobId;
    if (i % 997 === 0) {
      const payload = XSS_PAYLOADS[(i / 997) % XSS_PAYLOADS.length];
      e.sourceIdentity = { ...(e.sourceIdentity ?? {}), displayName: payload };
      e.targetIdentity = { ...(e.targetIdentity ?? {}), displayName: payload };
      e.modifiedProperties = [{ displayName: 'displayName', oldValue: payload, newValue: payload }];
      if (e.provisioningStatusInfo?.errorInformation)
        e.provisioningStatusInfo.errorInformation.reason = payload;
    }
    entries.push(e);
  }
  for (let i = 0; i < entries.length; i += 5000)
    sandbox.appendProvisioningLogs(configuration.sourceTenantId, entries.slice(i, i + 5000));
  return count;
}
