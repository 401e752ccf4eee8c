import { badRequest } from '../errors';
import type { World } from '../store/world';
import { benchmarkTenant } from './benchmarkTenant';
import { createTenantStore } from './seedWorld';
import { SANDBOX_TENANTS, type SandboxTenant } from './tenants';

/**
 * Adds `count` new tenants and makes each a partner of `tenantId`; every third one also allows user
 * sync and automatic redemption inbound, so `$expand=identitySynchronization` has work to do. This
 * bypasses the 25 KB policy limit on purpose: benchmarks need more partners than a real policy
 * holds, so later writes to that tenant's policy get the 400 a full policy gets.
 */
export function addBenchmarkPartners(
  world: World,
  tenantId: string,
  count: number,
): SandboxTenant[] {
  const owner = world.get(tenantId);
  if (!owner) throw badRequest(`Unknown sandbox tenant '${tenantId}'.`);
  if (!Number.isInteger(count) || count < 1 || count > 5000)
    throw badRequest('count must be an integer between 1 and 5000.');
  const added: SandboxTenant[] = [];
  for (let i = 0; i < count; i++) {
    const info = benchmarkTenant(world.seed, SANDBOX_TENANTS.length + world.benchmarkTenants);
    world.add(createTenantStore(info, world.seed, world.anchorMs), { benchmark: true });
    const id = info.tenantId;
    if (i % 3 === 0) {
      owner.partners.set(id, {
        tenantId: id,
        automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
      });
      owner.identitySynchronization.set(id, {
        tenantId: id,
        displayName: info.displayName,
        userSyncInbound: { isSyncAllowed: true },
      });
    } else {
      owner.partners.set(id, { tenantId: id });
    }
    added.push(info);
  }
  world.markDirty(tenantId, 'crossTenantAccess');
  return added;
}
