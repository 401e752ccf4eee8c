import type { CommandDefinition } from '../host/runCommand';
import { showLog } from './showLog';

/** Every command the extension contributes, registered in one place by extension.ts. */
export const commands: readonly CommandDefinition[] = [showLog];
