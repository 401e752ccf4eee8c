import type * as vscode from 'vscode';
import type { UserInput } from '../core/ports/userInput';
import type { Log } from '../host/log';
import type { HostCommand } from '../host/runCommand';
import type { SandboxService } from '../services/sandbox/sandboxService';
import type { DraftStore } from '../services/drafts/draftStore';
import type { DriftDiagnostics } from '../documents/driftDiagnostics';
import type { OnDemandReports } from '../documents/onDemandReports';
import type { ImpactReports } from '../documents/impactReports';
import type { PushService } from '../documents/pushService';
import type { ProvisioningLogPanels } from '../webview/provisioningLogPanels';
import type { PairService } from '../services/pairs/pairService';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantData } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import type { WalkthroughProgress } from '../services/walkthrough/walkthroughProgress';

/** The services every command handler receives besides its own arguments. */
export interface CommandContext {
  readonly log: Log;
  /** Every question a command asks the user: quick picks, input boxes, confirmations, messages. */
  readonly ui: UserInput;
  readonly tenants: TenantList;
  readonly connections: TenantConnections;
  readonly sandbox: SandboxService;
  readonly secrets: vscode.SecretStorage;
  readonly data: TenantData;
  readonly drafts: DraftStore;
  readonly push: PushService;
  readonly drift: DriftDiagnostics;
  readonly onDemandReports: OnDemandReports;
  /** Impact previews and partnership usage, as read-only Markdown documents. */
  readonly impactReports: ImpactReports;
  readonly logPanels: ProvisioningLogPanels;
  readonly pairs: PairService;
  /** The Getting Started walkthrough: commands mark the steps the user has done. */
  readonly walkthrough: WalkthroughProgress;
}

/** One of the extension's commands, registered by extension.ts through registerCommand. */
export type CommandDefinition = HostCommand<CommandContext>;
