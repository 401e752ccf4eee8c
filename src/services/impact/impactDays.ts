import * as vscode from 'vscode';
import { windowDays } from '../../core/impact/loadSignIns';

/** How many days of sign-ins the impact preview and "Who Uses This Partnership?" read (setting, default 7, 1 to 30). */
export function impactDays(): number {
  return windowDays(vscode.workspace.getConfiguration('crossTenant.impact').get<number>('days', 7));
}
