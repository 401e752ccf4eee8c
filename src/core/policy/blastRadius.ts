import { effectivePartner, INHERITABLE_SETTINGS } from '../graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../graph/types';
import { jsonEqual } from '../jsonEqual';
import { propertyLabel } from './diffSummary';
import { isPlainObject, unsentKeys } from './documentPaths';

export interface BlastRadiusEntry {
  /** The default's property, e.g. `inboundTrust`. */
  readonly setting: string;
  /** In words, e.g. "inbound trust". */
  readonly label: string;
  /** Partners the change reaches, in the order given. */
  readonly inheritingPartnerIds: string[];
}

/**
 * Who a change to the default settings reaches besides organizations without a partner
 * configuration: for each inheritable setting the change touches, the partners that inherit it —
 * the whole setting (their property is null or absent), or a changed field of it that they leave
 * null inside their own object. Inheritance is effectivePartner's, evaluated against the default
 * before and after, so a field the default starts or stops setting counts either way. Settings
 * that changed but reach no partner are listed with an empty list. `after` may be a draft parsed
 * from a document: settings read-only on the default (automatic consent), which documents leave
 * out, are not changes.
 */
export function defaultBlastRadius(
  before: DefaultConfiguration,
  after: DefaultConfiguration,
  partners: readonly Partner[],
): BlastRadiusEntry[] {
  const entries: BlastRadiusEntry[] = [];
  // Read-only on the default (automaticUserConsentSettings): a document leaves it out and a push never changes it.
  const unsent = new Set(unsentKeys('default'));
  for (const setting of INHERITABLE_SETTINGS) {
    if (unsent.has(setting)) continue;
    const was: unknown = before[setting];
    const now: unknown = after[setting];
    if (jsonEqual(was, now, 'unsetIsNull')) continue;
    const changedFields =
      isPlainObject(was) && isPlainObject(now)
        ? [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
            (field) => !jsonEqual(was[field], now[field], 'unsetIsNull'),
          )
        : undefined;
    const inheritingPartnerIds = partners
      .filter((partner) => {
        const sides = [
          effectivePartner(partner, before).settings[setting],
          effectivePartner(partner, after).settings[setting],
        ];
        if (sides.some((side) => side.source === 'default')) return true;
        const inherited = new Set(sides.flatMap((side) => side.inheritedFields));
        // A default setting that was or became null as a whole: every field the partner fills from it changed.
        return changedFields === undefined
          ? inherited.size > 0
          : changedFields.some((field) => inherited.has(field));
      })
      .map((partner) => partner.tenantId);
    entries.push({ setting, label: propertyLabel(setting), inheritingPartnerIds });
  }
  return entries;
}
