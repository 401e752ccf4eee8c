import * as vscode from 'vscode';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import {
  resolveConfigurationTarget,
  targetCandidateOf,
} from '../core/pairs/resolveConfigurationTarget';
import type { DetailsContext } from '../core/provisioning/toLogRowDetails';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { openPartnerSetting } from '../services/openPartnerSetting';
import type { Log } from '../host/log';
import { describeError } from '../core/describeError';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { type TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantData } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import type { PanelServices } from './provisioningLogPanel';

/** The log panels' view of the extension: Graph access, settings, and the actions of the details pane. */
export function createPanelServices(deps: {
  log: Log;
  tenants: TenantList;
  connections: TenantConnections;
  data: TenantData;
  extensionUri: vscode.Uri;
}): PanelServices {
  const { log, tenants, connections, data, extensionUri } = deps;
  return {
    log,
    connections,
    extensionUri,
    limiterFor: (record) => data.tenant(record).reportsLimiter,
    settings() {
      const config = vscode.workspace.getConfiguration('crossTenant.provisioningLogs');
      return {
        pageSize: config.get<number>('pageSize', 500),
        liveSeconds: config.get<number>('liveSeconds', 30),
      };
    },
    async describe(record, servicePrincipalId): Promise<DetailsContext> {
      const [configs, access] = await Promise.all([
        data.sync(record),
        // Without the partners the details still explain; they only name the target less well.
        data.access(record).catch((err: unknown) => {
          const d = describeError(err);
          if (!d.cancelled)
            log.error(
              `Provisioning-log details: the partners of ${tenantLabel(record)} could not be read, so the target is named from the signed-in tenants only: ${d.detail}`,
            );
          return undefined;
        }),
      ]);
      const name =
        configs.find((c) => c.servicePrincipal.id === servicePrincipalId)?.servicePrincipal
          .displayName ?? '';
      const partners = access?.overview.partners ?? [];
      // The saved CompanyId where Graph returns it, else a guess from the configuration's name.
      const saved = await readSyncSettings(connections.client(record), servicePrincipalId);
      const target =
        saved.readable && saved.companyId
          ? { tenantId: saved.companyId }
          : resolveConfigurationTarget(name, {
              sourceTenantId: record.tenantId,
              partners,
              signedInTenants: tenants.all().map(targetCandidateOf),
            });
      const targetRecord = target && tenants.byTenantId(target.tenantId);
      const targetPartner = target && partners.find((p) => p.tenantId === target.tenantId);
      return {
        sourceTenantId: record.tenantId,
        sourceName: tenantLabel(record),
        targetTenantId: target?.tenantId,
        targetName: targetRecord ? tenantLabel(targetRecord) : targetPartner?.displayName,
      };
    },
    async provisionOnDemand(record: TenantRecord, servicePrincipalId, jobId, subject) {
      const configuration = (await data.sync(record)).find(
        (c) => c.servicePrincipal.id === servicePrincipalId,
      );
      const job = configuration?.jobs.find((j) => j.id === jobId);
      if (!configuration || !job)
        throw new Error(
          vscode.l10n.t(
            'The job {0} no longer exists in {1}: refresh the Tenants view.',
            jobId,
            tenantLabel(record),
          ),
        );
      // The command's OnDemandRequest: the job and the entry's user, no search.
      await vscode.commands.executeCommand('crossTenant.provisionOnDemand', {
        tenant: record,
        servicePrincipal: configuration.servicePrincipal,
        job,
        subjects: [{ id: subject.id, name: subject.name, type: 'User' }],
      });
    },
    async openPolicy(pointer) {
      const record = tenants.byTenantId(pointer.tenantId);
      if (!record)
        throw new Error(
          vscode.l10n.t(
            '{0}: add and sign in to tenant {1} to open its policy.',
            pointer.label,
            pointer.tenantId,
          ),
        );
      await openPartnerSetting(data, record, pointer.partnerTenantId, pointer.setting);
    },
  };
}
