import { moduleLoadStart } from './host/loadClock';
import * as vscode from 'vscode';
import { commands } from './commands';
import { createLog } from './host/log';
import type { CommandContext } from './commands/commandContext';
import { WalkthroughProgress } from './services/walkthrough/walkthroughProgress';
import { registerCommand } from './host/runCommand';
import { UserInputSlot } from './host/userInputSlot';
import { VscodeUserInput } from './host/vscodeUserInput';
import { SandboxService, type SandboxRequestRecord } from './services/sandbox/sandboxService';
import { TenantConnections } from './services/tenants/tenantConnections';
import { TenantData } from './services/tenants/tenantData';
import { TenantList } from './services/tenants/tenantList';
import { TenantsTreeProvider } from './tree/tenantsTreeProvider';
import { SyncStatusRefresher } from './tree/syncStatusRefresher';
import { DraftStore } from './services/drafts/draftStore';
import { documentName } from './services/drafts/documentName';
import { EffectiveDocumentProvider } from './documents/effectiveDocumentProvider';
import {
  EFFECTIVE_SCHEME,
  BASE_SCHEME,
  JOB_SCHEME,
  LIVE_SCHEME,
  POLICY_SCHEME,
} from './services/documentUris';
import { TenantHoverProvider } from './documents/tenantHoverProvider';
import { DraftBaseProvider } from './documents/draftBaseProvider';
import { PushService } from './documents/pushService';
import { registerPushOnSave } from './documents/pushOnSave';
import { DriftDiagnostics } from './documents/driftDiagnostics';
import { JobDetailsProvider } from './documents/jobDetailsProvider';
import { ON_DEMAND_SCHEME, OnDemandReports } from './documents/onDemandReports';
import { IMPACT_SCHEME, ImpactReports } from './documents/impactReports';
import { LiveDocumentProvider } from './documents/liveDocumentProvider';
import { PolicyChecker, PolicyCodeActions } from './documents/policyChecker';
import { PolicyDocumentProvider } from './documents/policyDocumentProvider';
import { followTenantChanges } from './documents/followTenantChanges';
import { TenantsStatusBar } from './tree/tenantsStatusBar';
import { createPanelServices } from './webview/panelServices';
import { ProvisioningLogPanels } from './webview/provisioningLogPanels';
import { PairService } from './services/pairs/pairService';
import { PairsTreeProvider } from './tree/pairsTreeProvider';
import { PairDiagnostics } from './documents/pairDiagnostics';
import { PairsBadge } from './tree/pairsBadge';

/** What activate() returns: used by the integration tests, not a public contract. */
export interface CrossTenantApi {
  readonly activationMs: number;
  /** Folder of the extension's log files (the log channel writes `Cross-Tenant.log` there). */
  readonly logUri: vscode.Uri;
  /** Requests the in-process sandbox received, with the tenant of the token each carried. */
  sandboxRequests(): readonly SandboxRequestRecord[];
  /** VS Code's global storage of the extension, which every window shares (drafts, the tenant list): tests write there as another window would. */
  readonly storagePath: string;
  /** Where every prompt goes: tests answer them by putting a scripted UserInput in (`use`). */
  readonly userInput: UserInputSlot;
  /** The Tenants view's provider, so tests can read the items a user sees. */
  readonly tree: TenantsTreeProvider;
  /** The in-process sandbox service (fault injection and changes "behind the tree's back" in tests). */
  readonly sandbox: SandboxService;
  /** The open provisioning-log panels. */
  readonly logPanels: ProvisioningLogPanels;
  /** The tenant pairs and their findings. */
  readonly pairs: PairService;
  /** The Tenant Pairs view's provider. */
  readonly pairsTree: PairsTreeProvider;
}

export function activate(context: vscode.ExtensionContext): CrossTenantApi {
  const activateStart = performance.now();
  const channel = vscode.window.createOutputChannel('Cross-Tenant', { log: true });
  const log = createLog(channel);
  const ui = new UserInputSlot(new VscodeUserInput(log));
  const tenants = new TenantList(context.globalStorageUri, log);
  const sandbox = new SandboxService(context.globalStorageUri, log);
  const connections = new TenantConnections(tenants, sandbox, context.secrets, log, ui);
  const data = new TenantData(connections);
  const drafts = new DraftStore(
    context.globalStorageUri,
    log,
    (uri) => documentName(uri, tenants),
    ui,
  );
  const live = new LiveDocumentProvider(tenants, connections);
  const documents = new PolicyDocumentProvider(live, drafts);
  const checker = new PolicyChecker(context.extensionPath, (uri) => documents.startedFrom(uri));
  const pairs = new PairService(tenants, connections, data, log);
  const tree = new TenantsTreeProvider(tenants, connections, data, drafts, pairs, log);
  const treeView = vscode.window.createTreeView('crossTenant.tenants', {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const impactReports = new ImpactReports();
  const push = new PushService(
    tenants,
    connections,
    live,
    drafts,
    checker,
    data,
    log,
    ui,
    impactReports,
  );
  const drift = new DriftDiagnostics();
  const onDemandReports = new OnDemandReports();
  const jobDetails = new JobDetailsProvider(tenants, connections);
  const logPanels = new ProvisioningLogPanels(
    createPanelServices({ log, tenants, connections, data, extensionUri: context.extensionUri }),
    tenants,
    log,
    () => ({
      days: vscode.workspace
        .getConfiguration('crossTenant.provisioningLogs')
        .get<number>('days', 7),
    }),
    context.workspaceState,
  );
  const pairsTree = new PairsTreeProvider(pairs, log);
  const pairsView = vscode.window.createTreeView('crossTenant.pairs', {
    treeDataProvider: pairsTree,
    showCollapseAll: true,
  });
  const pairDiagnostics = new PairDiagnostics(pairs, tenants, data);
  const walkthrough = new WalkthroughProgress(connections);
  const ctx: CommandContext = {
    log,
    ui,
    tenants,
    connections,
    sandbox,
    data,
    drafts,
    push,
    drift,
    onDemandReports,
    impactReports,
    logPanels,
    pairs,
    walkthrough,
    secrets: context.secrets,
  };
  context.subscriptions.push(
    channel,
    tenants,
    sandbox,
    connections,
    walkthrough,
    tree,
    treeView,
    new SyncStatusRefresher(treeView, tree),
    live,
    vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, live, {
      isCaseSensitive: true,
      isReadonly: true,
    }),
    vscode.workspace.registerFileSystemProvider(POLICY_SCHEME, documents, {
      isCaseSensitive: true,
    }),
    documents,
    followTenantChanges(data, { policy: documents, live }),
    data.onDidChange((e) => logPanels.tenantChanged(e)),
    data.onDidChange((e) => jobDetails.tenantChanged(e)),
    drafts,
    checker,
    vscode.languages.registerCodeActionsProvider(
      { pattern: '**/*.xta-*.json' },
      new PolicyCodeActions(checker),
      { providedCodeActionKinds: PolicyCodeActions.kinds },
    ),
    vscode.languages.registerHoverProvider(
      { pattern: '**/*.xta-*.json' },
      new TenantHoverProvider(tenants, connections, log),
    ),
    vscode.workspace.registerTextDocumentContentProvider(
      EFFECTIVE_SCHEME,
      new EffectiveDocumentProvider(tenants, connections),
    ),
    vscode.workspace.registerTextDocumentContentProvider(
      BASE_SCHEME,
      new DraftBaseProvider(drafts),
    ),
    registerPushOnSave(),
    jobDetails,
    vscode.workspace.registerTextDocumentContentProvider(JOB_SCHEME, jobDetails),
    vscode.workspace.registerTextDocumentContentProvider(ON_DEMAND_SCHEME, onDemandReports),
    vscode.workspace.registerTextDocumentContentProvider(IMPACT_SCHEME, impactReports),
    drift,
    logPanels,
    data,
    pairs,
    pairsTree,
    pairsView,
    new PairsBadge(pairsView, pairs),
    pairDiagnostics,
    vscode.languages.registerCodeActionsProvider({ scheme: POLICY_SCHEME }, pairDiagnostics, {
      providedCodeActionKinds: PairDiagnostics.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.xta-*.json' }, drift, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    new TenantsStatusBar(tenants, connections),
    ...commands.map((c) => registerCommand(c, ctx)),
  );
  const end = performance.now();
  const activationMs = end - moduleLoadStart;
  const version = (context.extension.packageJSON as { version: string }).version;
  // Our cost is loading the bundle plus activate(); between the two VS Code sets up the extension context.
  log.info(
    `Cross-Tenant Explorer ${version} activated in ${activationMs.toFixed(1)} ms since the bundle loaded ` +
      `(activate() itself ${(end - activateStart).toFixed(1)} ms, module load ${(moduleLoadEnd - moduleLoadStart).toFixed(1)} ms)`,
  );
  return {
    activationMs,
    logUri: context.logUri,
    storagePath: context.globalStorageUri.fsPath,
    sandboxRequests: () => sandbox.requests(),
    userInput: ui,
    tree,
    sandbox,
    logPanels,
    pairs,
    pairsTree,
  };
}

// The last statement of the bundle's top level: everything above is loaded.
const moduleLoadEnd = performance.now();

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
