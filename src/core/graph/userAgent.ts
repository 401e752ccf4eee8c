import { version } from '../../../package.json';

/**
 * Sent as `User-Agent` on every request: Microsoft asks apps to identify their traffic (a support
 * case, a throttling investigation), and the SDK's own telemetry header is not in our middleware
 * chain. The contract check of the test tiers also tells our requests from hand-made ones by it.
 */
export const USER_AGENT = `CrossTenantExplorer/${version}`;
