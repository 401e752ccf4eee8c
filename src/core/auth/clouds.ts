/**
 * The Microsoft clouds a tenant can live in. Tokens are cloud-bound: a token for one cloud's Graph
 * is rejected by another, so the Graph host, the login authority and the scope prefix always come
 * from the same entry (graph-api.md §13).
 */
export type CloudName = 'global' | 'usGov' | 'usGovDoD' | 'china';

export interface Cloud {
  readonly name: CloudName;
  readonly displayName: string;
  /** Graph endpoint without a trailing slash; also the audience and scope prefix of its tokens. */
  readonly graphHost: string;
  readonly loginAuthority: string;
  /** The value a partner cloud puts in `crossTenantAccessPolicy.allowedCloudEndpoints` to reach this one. */
  readonly allowedCloudEndpoint: string;
  /** `findTenantInformationByTenantId/DomainName` exist in the global cloud only. */
  readonly supportsTenantLookup: boolean;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    displayName: 'Global',
    graphHost: 'https://graph.microsoft.com',
    loginAuthority: 'https://login.microsoftonline.com',
    allowedCloudEndpoint: 'microsoftonline.com',
    supportsTenantLookup: true,
  },
  usGov: {
    name: 'usGov',
    displayName: 'US Government (GCC High, L4)',
    graphHost: 'https://graph.microsoft.us',
    loginAuthority: 'https://login.microsoftonline.us',
    allowedCloudEndpoint: 'microsoftonline.us',
    supportsTenantLookup: false,
  },
  usGovDoD: {
    name: 'usGovDoD',
    displayName: 'US Government DoD (L5)',
    graphHost: 'https://dod-graph.microsoft.us',
    loginAuthority: 'https://login.microsoftonline.us',
    allowedCloudEndpoint: 'microsoftonline.us',
    supportsTenantLookup: false,
  },
  china: {
    name: 'china',
    displayName: 'China (21Vianet)',
    graphHost: 'https://microsoftgraph.chinacloudapi.cn',
    loginAuthority: 'https://login.chinacloudapi.cn',
    allowedCloudEndpoint: 'partner.microsoftonline.cn',
    supportsTenantLookup: false,
  },
};

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CLOUDS, value);
}

/** The cloud for a setting value; unknown or missing values are the global cloud (GCC moderate uses it too). */
export function getCloud(name: string | undefined): Cloud {
  return isCloudName(name) ? CLOUDS[name] : CLOUDS.global;
}
