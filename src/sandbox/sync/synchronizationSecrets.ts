import { badRequest } from '../errors';
import { isJsonObject, type Json } from '../json';
import type { SecretPair } from '../store/records';

/** Members of the `synchronizationSecret` enum (graph-types.md); there is no AzureADTenantId member. */
const SECRET_KEYS = new Set([
  'None',
  'UserName',
  'Password',
  'SecretToken',
  'AppKey',
  'BaseAddress',
  'ClientIdentifier',
  'ClientSecret',
  'SingleSignOnType',
  'Sandbox',
  'Url',
  'Domain',
  'ConsumerKey',
  'ConsumerSecret',
  'TokenKey',
  'TokenExpiration',
  'Oauth2AccessToken',
  'Oauth2AccessTokenCreationTime',
  'Oauth2RefreshToken',
  'SyncAll',
  'InstanceName',
  'Oauth2ClientId',
  'Oauth2ClientSecret',
  'CompanyId',
  'UpdateKeyOnSoftDelete',
  'SynchronizationSchedule',
  'SystemOfRecord',
  'SandboxName',
  'EnforceDomain',
  'SyncNotificationSettings',
  'SkipOutOfScopeDeletions',
  'Oauth2AuthorizationCode',
  'Oauth2RedirectUri',
  'ApplicationTemplateIdentifier',
  'Oauth2TokenExchangeUri',
  'Oauth2AuthorizationUri',
  'AuthenticationType',
  'Server',
  'PerformInboundEntitlementGrants',
  'HardDeletesEnabled',
  'SyncAgentCompatibilityKey',
  'SyncAgentADContainer',
  'ValidateDomain',
  'TestReferences',
  'ConnectionString',
]);

/** Reads a list of `{key, value}` credentials, rejecting keys outside the enum (e.g. `AzureADTenantId`). */
export function readSecretPairs(list: Json | undefined, property: string): SecretPair[] {
  if (!Array.isArray(list))
    throw badRequest(`Invalid value for '${property}': expected an array of {key, value} pairs.`);
  return list.map((item, i) => {
    if (!isJsonObject(item) || typeof item.key !== 'string')
      throw badRequest(`Invalid value for '${property}[${i}]': expected {key, value}.`);
    if (!SECRET_KEYS.has(item.key))
      throw badRequest(
        `Invalid value '${item.key}' for '${property}[${i}].key': not a member of synchronizationSecret.`,
      );
    if (item.value !== null && typeof item.value !== 'string')
      throw badRequest(
        `Invalid value for '${property}[${i}].value': secret values are strings (JSON documents go inside a string).`,
      );
    return { key: item.key, value: item.value ?? '' };
  });
}
