/**
 * What a message from the webview may carry (panelProtocol.ts). The webview renders another
 * tenant's data, so everything it sends is checked against these before the host acts on it; the
 * filter dropdowns offer only values that pass, so a state the user built is never refused.
 */

/** Ids, error codes and cycle ids: real ones are GUIDs or short codes well under this. */
export const MAX_ID_LENGTH = 200;
/** The free-text filter. */
export const MAX_TEXT_LENGTH = 500;
/** Statuses and actions picked in a filter. */
export const MAX_LIST_ITEMS = 20;
/** How many days back the panel can load: provisioning logs are kept 30 days (sync-facts.md §5b). */
export const MAX_DAYS = 30;

/**
 * A status or action: the documented members (success, stagedDelete, unknownFutureValue …) are all
 * plain letters, and so will be the members Graph adds later (its enums are evolvable).
 */
const ENUM_VALUE = /^[A-Za-z]{1,64}$/;

export function isEnumValue(value: string): boolean {
  return ENUM_VALUE.test(value);
}
