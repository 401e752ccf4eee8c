import { allBlockedConsistency } from './allBlockedConsistency';
import { cloudEndpoints } from './cloudEndpoints';
import { defaultCannotInherit } from './defaultCannotInherit';
import { defaultInboundTargets } from './defaultInboundTargets';
import { duplicateKeys } from './duplicateKeys';
import { emptyTargets } from './emptyTargets';
import { guidFormat } from './guidFormat';
import { policySize } from './policySize';
import { propertyCasing } from './propertyCasing';
import { readOnlyProperty } from './readOnlyProperty';
import type { Rule } from './rule';
import { specialTargets } from './specialTargets';
import { targetTypeForList } from './targetTypeForList';
import { tenantIdMatch } from './tenantIdMatch';

/** Every semantic rule, run in this order on each check. */
export const RULES: readonly Rule[] = [
  duplicateKeys,
  propertyCasing,
  readOnlyProperty,
  tenantIdMatch,
  guidFormat,
  specialTargets,
  targetTypeForList,
  defaultInboundTargets,
  defaultCannotInherit,
  allBlockedConsistency,
  emptyTargets,
  cloudEndpoints,
  policySize,
];
