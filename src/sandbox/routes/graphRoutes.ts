import { withAuditRecording } from '../audit/recordedWrites';
import type { Route } from '../http/route';
import { applicationTemplateRoutes } from './applicationTemplates';
import { auditLogRoutes } from './auditLogs';
import { crossTenantAccessPolicyRoutes } from './crossTenantAccessPolicy';
import { directoryObjectRoutes } from './directoryObjects';
import { externalCollaborationRoutes } from './externalCollaboration';
import { identitySynchronizationRoutes } from './identitySynchronization';
import { organizationRoutes } from './organization';
import { partnerRoutes } from './partners';
import { provisioningLogRoutes } from './provisioningLogs';
import { servicePrincipalRoutes } from './servicePrincipals';
import { signInSessionRoutes } from './signInSessions';
import { synchronizationRoutes } from './synchronization';
import { tenantRelationshipRoutes } from './tenantRelationships';

/**
 * Every Graph operation the sandbox serves, under /v1.0 and /beta alike unless a route names its
 * versions. Writes to cross-tenant settings and sync configurations are logged in the directory
 * audit log as they succeed.
 */
export const GRAPH_ROUTES: readonly Route[] = withAuditRecording([
  ...crossTenantAccessPolicyRoutes,
  ...partnerRoutes,
  ...identitySynchronizationRoutes,
  ...tenantRelationshipRoutes,
  ...organizationRoutes,
  ...servicePrincipalRoutes,
  ...applicationTemplateRoutes,
  ...synchronizationRoutes,
  ...directoryObjectRoutes,
  ...provisioningLogRoutes,
  ...externalCollaborationRoutes,
  ...signInSessionRoutes,
  ...auditLogRoutes,
]);
