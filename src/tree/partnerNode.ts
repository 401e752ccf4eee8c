import * as vscode from 'vscode';
import { INHERITABLE_SETTINGS, type EffectiveSetting } from '../core/graph/effectivePartner';
import type { PartnerSummary } from '../core/graph/partnerOverview';
import {
  accessLevel,
  formatSummary,
  partnerSummaryParts,
  type AccessLevel,
} from '../core/policy/accessSummary';
import type { DocumentIdentity } from '../core/policy/documentUri';
import { partnerDocument } from '../core/policy/partnerDocument';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { escapeMarkdown, inlineCode } from '../core/policy/markdownText';
import { openCommand, type DocumentNode } from './policyNodes';
import type { TreeNode } from './treeNode';
import { nodeId } from './nodeId';

const SETTING_LABEL: Record<string, string> = {
  b2bCollaborationInbound: vscode.l10n.t('B2B collaboration inbound'),
  b2bCollaborationOutbound: vscode.l10n.t('B2B collaboration outbound'),
  b2bDirectConnectInbound: vscode.l10n.t('B2B direct connect inbound'),
  b2bDirectConnectOutbound: vscode.l10n.t('B2B direct connect outbound'),
  inboundTrust: vscode.l10n.t('Inbound trust (MFA, devices)'),
  automaticUserConsentSettings: vscode.l10n.t('Automatic redemption'),
  tenantRestrictions: vscode.l10n.t('Tenant restrictions'),
};

/** An access level as the tooltip's table says it (an allow- or block-list is spelt out). */
const LEVEL_WORD: Record<Exclude<AccessLevel, 'partial'>, string> = {
  allowed: vscode.l10n.t('allowed'),
  blocked: vscode.l10n.t('blocked'),
  unset: vscode.l10n.t('unset'),
};

/** A partner organization, named by its resolved display name and domain rather than its GUID. */
export class PartnerNode implements DocumentNode {
  readonly kind = 'partner' as const;
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
    const id = inlineCode(p.tenantId);
    md.appendMarkdown(
      `${
        p.lookupError
          ? vscode.l10n.t(
              'Tenant id {0} (name not found: {1})',
              id,
              escapeMarkdown(p.lookupError.code ?? String(p.lookupError.status)),
            )
          : vscode.l10n.t('Tenant id {0}', id)
      }\n\n`,
    );
    md.appendMarkdown(
      `| ${vscode.l10n.t('Setting')} | ${vscode.l10n.t('Applies')} | ${vscode.l10n.t('From')} |\n|---|---|---|\n`,
    );
    const partner = vscode.l10n.t('partner');
    for (const key of INHERITABLE_SETTINGS) {
      const s = p.effective.settings[key] as EffectiveSetting<unknown>;
      if (!(key in SETTING_LABEL)) continue;
      const from =
        s.source === 'default'
          ? `_${vscode.l10n.t('default')}_`
          : s.inheritedFields.length
            ? vscode.l10n.t('partner ({0} from default)', s.inheritedFields.join(', '))
            : partner;
      md.appendMarkdown(`| ${SETTING_LABEL[key]} | ${describeValue(key, s.value)} | ${from} |\n`);
    }
    const sync = p.identitySync
      ? p.inboundSyncAllowed
        ? vscode.l10n.t('allowed')
        : vscode.l10n.t('not allowed')
      : vscode.l10n.t('not configured');
    md.appendMarkdown(`| ${vscode.l10n.t('Inbound user sync')} | ${sync} | ${partner} |\n`);
    if (p.partner.isInMultiTenantOrganization)
      md.appendMarkdown(`\n${vscode.l10n.t('Member of the same multitenant organization.')}\n`);
    md.appendMarkdown(
      `\n${vscode.l10n.t('Values in parentheses in the tree are inherited from the default settings.')}`,
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
  if (value === null || value === undefined) return vscode.l10n.t('not set');
  if (key.startsWith('b2b') || key === 'tenantRestrictions') {
    const level = accessLevel(value);
    if (level !== 'partial') return LEVEL_WORD[level];
    // An allow- or block-list: say who and what, since "partial" alone tells an admin nothing.
    const v = value as Record<
      string,
      { accessType?: string; targets?: { target?: string }[] } | null | undefined
    >;
    // accessType and targets are Graph's values ("allowed", "AllUsers", ids), shown as Graph has them.
    const list = (c: (typeof v)[string], what: string): string =>
      c
        ? `${what} ${c.accessType ?? '?'}: ${(c.targets ?? []).map((t) => t.target).join(', ') || vscode.l10n.t('none')}`
        : vscode.l10n.t('{0} not set', what);
    return escapeMarkdown(
      `${list(v.usersAndGroups, vscode.l10n.t('users'))}; ${list(v.applications, vscode.l10n.t('apps'))}`,
    );
  }
  if (key === 'inboundTrust') {
    const t = value as Record<string, boolean | null | undefined>;
    const on = [
      t.isMfaAccepted && vscode.l10n.t('MFA'),
      t.isCompliantDeviceAccepted && vscode.l10n.t('compliant devices'),
      t.isHybridAzureADJoinedDeviceAccepted && vscode.l10n.t('hybrid joined devices'),
    ].filter(Boolean);
    return on.length ? vscode.l10n.t('trusts {0}', on.join(', ')) : vscode.l10n.t('trusts nothing');
  }
  if (key === 'automaticUserConsentSettings') {
    const c = value as Record<string, boolean | null | undefined>;
    const onOff = (b: boolean | null | undefined): string =>
      b ? vscode.l10n.t('on') : vscode.l10n.t('off');
    return vscode.l10n.t(
      'inbound {0}, outbound {1}',
      onOff(c.inboundAllowed),
      onOff(c.outboundAllowed),
    );
  }
  return vscode.l10n.t('set');
}

/** The partner's identity synchronization policy (may the partner sync users into this tenant?). */
export class IdentitySyncNode implements DocumentNode {
  readonly kind = 'identitySync' as const;
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
      vscode.l10n.t('Identity synchronization'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = this.summary.inboundSyncAllowed
      ? vscode.l10n.t('user sync inbound allowed')
      : vscode.l10n.t('user sync inbound not allowed');
    item.iconPath = new vscode.ThemeIcon(
      'sync',
      this.summary.inboundSyncAllowed ? undefined : new vscode.ThemeColor('disabledForeground'),
    );
    item.contextValue = 'identitySync';
    item.tooltip = vscode.l10n.t(
      'Whether {0} may synchronize users into this tenant (cross-tenant synchronization, set in the target tenant).',
      this.summary.displayName ?? this.summary.tenantId,
    );
    item.command = openCommand(this);
    return item;
  }
}
