import { cloneJson, type JsonObject, str } from '../json';
import type { SandboxTenant } from '../seed/tenants';
import type { Directory } from './directory';
import type { EventLog } from './eventLog';
import type { ProvisioningLogStore } from './provisioningLogStore';
import type { ProvisioningEventSpec, ServicePrincipalRecord } from './records';

/** The parts of a tenant that change independently and are persisted as a whole once changed. */
export type StoreSection =
  | 'crossTenantAccess'
  | 'externalCollaboration'
  | 'applications'
  | 'provisioning'
  | 'audit'
  | 'signIns';

export interface CrossTenantAccessSnapshot {
  policy: JsonObject;
  defaultConfiguration: JsonObject;
  partners: JsonObject[];
  identitySynchronization: JsonObject[];
}

/** Guest invitation settings and what tenant restrictions rely on, outside the cross-tenant policy. */
export interface ExternalCollaborationSnapshot {
  /** v1.0 `policies/authorizationPolicy`. */
  authorizationPolicy: JsonObject;
  /** beta `policies/b2bManagementPolicies`; empty when the tenant has none. */
  b2bManagementPolicies: JsonObject[];
  /** beta `networkAccess/settings/crossTenantAccess`; null when the tenant has no Global Secure Access licence. */
  networkAccessCrossTenantAccess: JsonObject | null;
}

export interface TenantSnapshot {
  crossTenantAccess?: CrossTenantAccessSnapshot;
  externalCollaboration?: ExternalCollaborationSnapshot;
  applications?: { servicePrincipals: ServicePrincipalRecord[] };
  provisioning?: { specs: ProvisioningEventSpec[]; entries: JsonObject[] };
  /** Directory audit events recorded since the seed (changes made through the sandbox). */
  audit?: JsonObject[];
  /** Sign-in events posted since the seed. */
  signIns?: JsonObject[];
}

/** A multitenant organization as one member tenant sees it (read-only in the sandbox). */
export interface MultiTenantOrganizationView {
  readonly organization: JsonObject;
  readonly tenants: readonly JsonObject[];
}

export interface TenantStoreInit {
  readonly crossTenantAccess: CrossTenantAccessSnapshot;
  readonly externalCollaboration: ExternalCollaborationSnapshot;
  readonly servicePrincipals: readonly ServicePrincipalRecord[];
  readonly directory: () => Directory;
  readonly provisioning: ProvisioningLogStore;
  readonly audits: EventLog;
  readonly signIns: EventLog;
  readonly multiTenantOrganization?: MultiTenantOrganizationView;
}

/**
 * One sandbox tenant's data. Stored documents hold only what was set (a missing property means
 * null); the routes render the full Graph shape. Map keys are lower-case ids.
 */
export class TenantStore {
  policy: JsonObject;
  defaultConfiguration: JsonObject;
  externalCollaboration: ExternalCollaborationSnapshot;
  readonly partners = new Map<string, JsonObject>();
  readonly identitySynchronization = new Map<string, JsonObject>();
  readonly servicePrincipals = new Map<string, ServicePrincipalRecord>();
  readonly provisioning: ProvisioningLogStore;
  /** `GET /auditLogs/directoryAudits`: seeded history plus every change made through the sandbox. */
  readonly audits: EventLog;
  /** `GET /auditLogs/signIns`. */
  readonly signIns: EventLog;
  readonly multiTenantOrganization?: MultiTenantOrganizationView;
  /** When each user's sign-in sessions were revoked (epoch ms, by lower-case user id); not persisted. */
  readonly signInRevocations = new Map<string, number>();
  private readonly makeDirectory: () => Directory;
  private directoryCache?: Directory;

  constructor(
    readonly info: SandboxTenant,
    init: TenantStoreInit,
  ) {
    this.policy = {};
    this.defaultConfiguration = {};
    this.restoreCrossTenantAccess(init.crossTenantAccess);
    this.externalCollaboration = structuredClone(init.externalCollaboration);
    this.restoreServicePrincipals(init.servicePrincipals);
    this.makeDirectory = init.directory;
    this.provisioning = init.provisioning;
    this.audits = init.audits;
    this.signIns = init.signIns;
    this.multiTenantOrganization = init.multiTenantOrganization;
  }

  get tenantId(): string {
    return this.info.tenantId;
  }

  /** Users and groups, generated on first use. */
  get directory(): Directory {
    this.directoryCache ??= this.makeDirectory();
    return this.directoryCache;
  }

  snapshot(section: StoreSection): TenantSnapshot {
    switch (section) {
      case 'crossTenantAccess':
        return {
          crossTenantAccess: structuredClone({
            policy: this.policy,
            defaultConfiguration: this.defaultConfiguration,
            partners: [...this.partners.values()],
            identitySynchronization: [...this.identitySynchronization.values()],
          }),
        };
      case 'externalCollaboration':
        return { externalCollaboration: structuredClone(this.externalCollaboration) };
      case 'applications':
        return {
          applications: {
            servicePrincipals: structuredClone([...this.servicePrincipals.values()]),
          },
        };
      case 'provisioning':
        return { provisioning: this.provisioning.snapshot() };
      case 'audit':
        return { audit: this.audits.snapshot() };
      case 'signIns':
        return { signIns: this.signIns.snapshot() };
    }
  }

  restore(snapshot: TenantSnapshot): void {
    if (snapshot.crossTenantAccess) this.restoreCrossTenantAccess(snapshot.crossTenantAccess);
    if (snapshot.externalCollaboration)
      this.externalCollaboration = structuredClone(snapshot.externalCollaboration);
    if (snapshot.applications)
      this.restoreServicePrincipals(snapshot.applications.servicePrincipals);
    if (snapshot.provisioning) this.provisioning.restore(snapshot.provisioning);
    if (snapshot.audit) this.audits.restore(snapshot.audit);
    if (snapshot.signIns) this.signIns.restore(snapshot.signIns);
  }

  private restoreCrossTenantAccess(s: CrossTenantAccessSnapshot): void {
    this.policy = cloneJson(s.policy);
    this.defaultConfiguration = cloneJson(s.defaultConfiguration);
    this.partners.clear();
    for (const p of s.partners) this.partners.set(str(p.tenantId).toLowerCase(), cloneJson(p));
    this.identitySynchronization.clear();
    for (const i of s.identitySynchronization)
      this.identitySynchronization.set(str(i.tenantId).toLowerCase(), cloneJson(i));
  }

  private restoreServicePrincipals(records: readonly ServicePrincipalRecord[]): void {
    this.servicePrincipals.clear();
    for (const r of records)
      this.servicePrincipals.set(str(r.servicePrincipal.id).toLowerCase(), structuredClone(r));
  }
}
