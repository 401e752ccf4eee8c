import type * as vscode from 'vscode';
import type { DocumentIdentity } from '../core/policy/documentUri';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { DataPart, TenantData } from '../services/tenants/tenantData';
import type { Log } from '../host/log';

/** What nodes need to compute their children. */
export interface TreeServices {
  readonly connections: TenantConnections;
  readonly data: TenantData;
  /** Where a failed load writes its detail (the error node points there). */
  readonly log: Log;
}

/**
 * A node of the Tenants view: a model object that knows its stable id (so expansion survives a
 * refresh), how it looks, and how to load its children. Failures to load never throw out of the
 * tree: they become a child MessageNode with a retry action.
 */
export interface TreeNode {
  readonly id: string;
  /** Which node this is (see viewNode.ts): how a command tells what it was invoked on. */
  readonly kind: string;
  /** The tenant this node belongs to. */
  readonly tenant?: TenantRecord;
  /** The part of the tenant's data a refresh of this node reloads. */
  readonly dataPart?: DataPart;
  /** The policy document this node stands for, if any (clicking opens it). */
  readonly document?: DocumentIdentity;
  /** What only the row's icon shows (for its accessible name, see withAccessibleName). */
  readonly iconState?: string;
  toTreeItem(): vscode.TreeItem;
  getChildren?(services: TreeServices): Promise<TreeNode[]>;
}
