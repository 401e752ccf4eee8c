import * as vscode from 'vscode';
import { INHERITABLE_SETTINGS, type EffectiveSetting } from '../core/graph/effectivePartner';
import type { PartnerSummary } from '../core/graph/partnerOverview';
import { accessLevel, formatSummary, partnerSummaryParts } from '../core/policy/accessSummary';
import type { DocumentIdentity } from '../core/policy/documentUri';
import { partnerDocument } from '../core/policy/partnerDocument';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { escapeMarkdown } from '../core/policy/markdownText';
import { openCommand, type DocumentNode } from './policyNodes';
import type { TreeNode } from './treeNode';
import { nodeId } from './nodeId';

const SETTING_LABEL: Record<string, string> = {
  b2bCollaborationInbound: 'B2B collaboration inbound',
  b2bCollaborationOutbound: 'B2B collaboration outbound',
  b2bDirectConnectInbound: 'B2B direct connect inbound',
  b2bDirectConnectOutbound: 'B2B direct connect outbound',
  inboundTrust: 'Inbound trust (MFA, devices)',
  automaticUserConsentSettings: 'Automatic redemption',
  tenantRestrictions: 'Tenant restrictions',
};

/** A partner organization, named by its resolved display name and domain rather than its GUID. */
export class PartnerNode implements DocumentNode {
  readonly dataPart = 'access' as const;
  constructor(
    readonly tenant: TenantRecord,
    readonly summary: PartnerSummary,
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'access', 'partners', this.summary.tenantId);
  }

  get label(): string {
    return this.summary.displayName ?? this.summary.tenantId;
  }

  get document(): DocumentIdentity {
    return partnerDocument('partner', this.tenant.tenantId, this.summary.tenantId, this.summary);
  }

  /** The briefcase icon: a cloud service provider. */
  get iconState(): string | undefined {
    return this.summary.partner.isServiceProvider
      ? vscode.l10n.t('cloud service provider')
      : undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const p = this.summary;
    const item = new vscode.TreeItem(
      this.label,
      p.identitySync
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    const summary = formatSummary(partnerSummaryParts(p.effective, p.inboundSyncAllowed));
    item.description = [p.defaultDomainName, summary].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      p.partner.isServiceProvider ? 'briefcase' : 'organization',
    );
    item.contextValue = `partner${p.identitySync ? '.withIdentitySync' : ''}`;
    item.command = openCommand(this);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(
      `**${escapeMarkdown(this.label)}**${p.defaultDomainName ? ` — ${escapeMarkdown(p.defaultDomainName)}` : ''}\n\n`,
    );
    md.appendMarkdown(
      `Tenant id \`${p.tenantId}\`${p.lookupError ? ` (name not found: ${escapeMarkdown(p.lookupError.code ?? String(p.lookupError.status))})` : ''}\n\n`,
    );
    md.appendMarkdown('| Setting | Applies | From |\n|---|---|---|\n');
    for (const key of INHERITABLE_SETTINGS) {
      const s = p.effective.settings[key] as EffectiveSetting<unknown>;
      if (!(key in SETTING_LABEL)) continue;
      md.appendMarkdown(
        `| ${SETTING_LABEL[key]} | ${describeValue(key, s.value)} | ${s.source === 'default' ? '_default_' : s.inheritedFields.length ? `partner (${s.inheritedFields.join(', ')} from default)` : 'partner'} |\n`,
      );
    }
    md.appendMarkdown(
      `| Inbound user sync | ${p.identitySync ? (p.inboundSyncAllowed ? 'allowed' : 'not allowed') : 'not configured'} | partner |\n`,
    );
    if (p.partner.isInMultiTenantOrganization)
      md.appendMarkdown('\nMember of the same multitenant organization.\n');
    md.appendMarkdown(
      '\nValues in parentheses in the tree are inherited from the default settings.',
    );
    item.tooltip = md;
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(
      this.summary.identitySync ? [new IdentitySyncNode(this.tenant, this.summary)] : [],
    );
  }
}

function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'not set';
  if (key.startsWith('b2b') || key === 'tenantRestrictions') {
    const level = accessLevel(value);
    if (level !== 'partial') return level;
    // An allow- or block-list: say who and what, since "partial" alone tells an admin nothing.
    const v = value as Record<
      string,
      { accessType?: string; targets?: { target?: string }[] } | null | undefined
    >;
    const list = (c: (typeof v)[string], what: string): string =>
      c
        ? `${what} ${c.accessType ?? '?'}: ${(c.targets ?? []).map((t) => t.target).join(', ') || 'none'}`
        : `${what} not set`;
    return escapeMarkdown(`${list(v.usersAndGroups, 'users')}; ${list(v.applications, 'apps')}`);
  }
  if (key === 'inboundTrust') {
    const t = value as Record<string, boolean | null | undefined>;
    const on = [
      t.isMfaAccepted && 'MFA',
      t.isCompliantDeviceAccepted && 'compliant devices',
      t.isHybridAzureADJoinedDeviceAccepted && 'hybrid joined devices',
    ].filter(Boolean);
    return on.length ? `trusts ${on.join(', ')}` : 'trusts nothing';
  }
  if (key === 'automaticUserConsentSettings') {
    const c = value as Record<string, boolean | null | undefined>;
    return `inbound ${c.inboundAllowed ? 'on' : 'off'}, outbound ${c.outboundAllowed ? 'on' : 'off'}`;
  }
  return 'set';
}

/** The partner's identity synchronization policy (may the partner sync users into this tenant?). */
export class IdentitySyncNode implements DocumentNode {
  readonly dataPart = 'access' as const;
  constructor(
    readonly tenant: TenantRecord,
    private readonly summary: PartnerSummary,
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'access', 'partners', this.summary.tenantId, 'identitySync');
  }

  get document(): DocumentIdentity {
    return partnerDocument(
      'identitySync',
      this.tenant.tenantId,
      this.summary.tenantId,
      this.summary,
    );
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      'Identity synchronization',
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = this.summary.inboundSyncAllowed
      ? 'user sync inbound allowed'
      : 'user sync inbound not allowed';
    item.iconPath = new vscode.ThemeIcon(
      'sync',
      this.summary.inboundSyncAllowed ? undefined : new vscode.ThemeColor('disabledForeground'),
    );
    item.contextValue = 'identitySync';
    item.tooltip = `Whether ${this.summary.displayName ?? this.summary.tenantId} may synchronize users into this tenant (cross-tenant synchronization, set in the target tenant).`;
    item.command = openCommand(this);
    return item;
  }
}
