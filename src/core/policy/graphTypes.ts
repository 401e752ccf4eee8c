/**
 * The shape of every Graph type our documents hold: property names in the order graph-types.md
 * lists them (CSDL order), and for complex properties the type of the value (or of each item of a
 * collection). Canonical text takes its key order from here, the casing rule its known names, the
 * rules and the change summary their way through a document. The schemas in `schemas/` list their
 * properties in the same order; a unit test keeps the two in step.
 */
export interface PropertyShape {
  readonly name: string;
  /** The complex type of the value, or of each item when the property is a collection. */
  readonly type?: GraphTypeName;
}

export type GraphTypeName =
  | 'crossTenantAccessPolicy'
  | 'crossTenantAccessPolicyConfigurationDefault'
  | 'crossTenantAccessPolicyConfigurationPartner'
  | 'crossTenantAccessPolicyAppServiceConnectSetting'
  | 'crossTenantAccessPolicyTargetConfiguration'
  | 'crossTenantAccessPolicyTarget'
  | 'inboundOutboundPolicyConfiguration'
  | 'crossTenantAccessPolicyB2BSetting'
  | 'crossTenantAccessPolicyInboundTrust'
  | 'defaultInvitationRedemptionIdentityProviderConfiguration'
  | 'crossTenantAccessPolicyM365CollaborationInboundSetting'
  | 'crossTenantAccessPolicyM365CollaborationOutboundSetting'
  | 'crossTenantAccessPolicyTenantRestrictions'
  | 'devicesFilter'
  | 'crossTenantIdentitySyncPolicyPartner'
  | 'crossTenantUserSyncInbound'
  | 'synchronizationSchema'
  | 'synchronizationRule'
  | 'containerFilter'
  | 'groupFilter'
  | 'objectMapping'
  | 'attributeMapping'
  | 'attributeMappingSource'
  | 'stringKeyAttributeMappingSourceValuePair'
  | 'objectMappingMetadataEntry'
  | 'stringKeyStringValuePair'
  | 'filter'
  | 'filterGroup'
  | 'filterClause'
  | 'filterOperand';

const p = (name: string, type?: GraphTypeName): PropertyShape => (type ? { name, type } : { name });

const TARGET_CONFIGURATION: GraphTypeName = 'crossTenantAccessPolicyTargetConfiguration';
const B2B_SETTING: GraphTypeName = 'crossTenantAccessPolicyB2BSetting';

export const GRAPH_TYPES: Readonly<Record<GraphTypeName, readonly PropertyShape[]>> = {
  crossTenantAccessPolicy: [
    p('id'),
    p('deletedDateTime'),
    p('description'),
    p('displayName'),
    p('allowedCloudEndpoints'),
  ],
  crossTenantAccessPolicyConfigurationDefault: [
    p('id'),
    p('appServiceConnectInbound', 'crossTenantAccessPolicyAppServiceConnectSetting'),
    p('automaticUserConsentSettings', 'inboundOutboundPolicyConfiguration'),
    p('b2bCollaborationInbound', B2B_SETTING),
    p('b2bCollaborationOutbound', B2B_SETTING),
    p('b2bDirectConnectInbound', B2B_SETTING),
    p('b2bDirectConnectOutbound', B2B_SETTING),
    p('inboundTrust', 'crossTenantAccessPolicyInboundTrust'),
    p(
      'invitationRedemptionIdentityProviderConfiguration',
      'defaultInvitationRedemptionIdentityProviderConfiguration',
    ),
    p('isServiceDefault'),
    p('m365CollaborationInbound', 'crossTenantAccessPolicyM365CollaborationInboundSetting'),
    p('m365CollaborationOutbound', 'crossTenantAccessPolicyM365CollaborationOutboundSetting'),
    p('tenantRestrictions', 'crossTenantAccessPolicyTenantRestrictions'),
  ],
  crossTenantAccessPolicyConfigurationPartner: [
    p('appServiceConnectInbound', 'crossTenantAccessPolicyAppServiceConnectSetting'),
    p('automaticUserConsentSettings', 'inboundOutboundPolicyConfiguration'),
    p('b2bCollaborationInbound', B2B_SETTING),
    p('b2bCollaborationOutbound', B2B_SETTING),
    p('b2bDirectConnectInbound', B2B_SETTING),
    p('b2bDirectConnectOutbound', B2B_SETTING),
    p('inboundTrust', 'crossTenantAccessPolicyInboundTrust'),
    p('isInMultiTenantOrganization'),
    p('isServiceProvider'),
    p('m365CollaborationInbound', 'crossTenantAccessPolicyM365CollaborationInboundSetting'),
    p('m365CollaborationOutbound', 'crossTenantAccessPolicyM365CollaborationOutboundSetting'),
    p('tenantId'),
    p('tenantRestrictions', 'crossTenantAccessPolicyTenantRestrictions'),
    p('identitySynchronization', 'crossTenantIdentitySyncPolicyPartner'),
    p('serviceProviderConstraints'),
  ],
  crossTenantAccessPolicyAppServiceConnectSetting: [p('applications', TARGET_CONFIGURATION)],
  crossTenantAccessPolicyTargetConfiguration: [
    p('accessType'),
    p('targets', 'crossTenantAccessPolicyTarget'),
  ],
  crossTenantAccessPolicyTarget: [p('target'), p('targetType')],
  inboundOutboundPolicyConfiguration: [p('inboundAllowed'), p('outboundAllowed')],
  crossTenantAccessPolicyB2BSetting: [
    p('applications', TARGET_CONFIGURATION),
    p('usersAndGroups', TARGET_CONFIGURATION),
  ],
  crossTenantAccessPolicyInboundTrust: [
    p('isCompliantDeviceAccepted'),
    p('isHybridAzureADJoinedDeviceAccepted'),
    p('isMfaAccepted'),
  ],
  defaultInvitationRedemptionIdentityProviderConfiguration: [
    p('fallbackIdentityProvider'),
    p('primaryIdentityProviderPrecedenceOrder'),
  ],
  crossTenantAccessPolicyM365CollaborationInboundSetting: [p('users', TARGET_CONFIGURATION)],
  crossTenantAccessPolicyM365CollaborationOutboundSetting: [
    p('usersAndGroups', TARGET_CONFIGURATION),
  ],
  crossTenantAccessPolicyTenantRestrictions: [
    p('applications', TARGET_CONFIGURATION),
    p('usersAndGroups', TARGET_CONFIGURATION),
    p('devices', 'devicesFilter'),
  ],
  devicesFilter: [p('mode'), p('rule')],
  crossTenantIdentitySyncPolicyPartner: [
    p('displayName'),
    p('tenantId'),
    p('userSyncInbound', 'crossTenantUserSyncInbound'),
  ],
  crossTenantUserSyncInbound: [p('isSyncAllowed')],
  synchronizationSchema: [
    p('id'),
    p('synchronizationRules', 'synchronizationRule'),
    p('version'),
    p('directories'),
  ],
  synchronizationRule: [
    p('containerFilter', 'containerFilter'),
    p('editable'),
    p('groupFilter', 'groupFilter'),
    p('id'),
    p('metadata', 'stringKeyStringValuePair'),
    p('name'),
    p('objectMappings', 'objectMapping'),
    p('priority'),
    p('sourceDirectoryName'),
    p('targetDirectoryName'),
  ],
  containerFilter: [p('includedContainers')],
  groupFilter: [p('includedGroups')],
  objectMapping: [
    p('attributeMappings', 'attributeMapping'),
    p('enabled'),
    p('flowTypes'),
    p('metadata', 'objectMappingMetadataEntry'),
    p('name'),
    p('scope', 'filter'),
    p('sourceObjectName'),
    p('targetObjectName'),
  ],
  attributeMapping: [
    p('defaultValue'),
    p('exportMissingReferences'),
    p('flowBehavior'),
    p('flowType'),
    p('matchingPriority'),
    p('source', 'attributeMappingSource'),
    p('targetAttributeName'),
  ],
  attributeMappingSource: [
    p('expression'),
    p('name'),
    p('parameters', 'stringKeyAttributeMappingSourceValuePair'),
    p('type'),
  ],
  stringKeyAttributeMappingSourceValuePair: [p('key'), p('value', 'attributeMappingSource')],
  objectMappingMetadataEntry: [p('key'), p('value')],
  stringKeyStringValuePair: [p('key'), p('value')],
  filter: [
    p('categoryFilterGroups', 'filterGroup'),
    p('groups', 'filterGroup'),
    p('inputFilterGroups', 'filterGroup'),
  ],
  filterGroup: [p('clauses', 'filterClause'), p('name')],
  filterClause: [p('operatorName'), p('sourceOperandName'), p('targetOperand', 'filterOperand')],
  filterOperand: [p('values')],
};

/** The shape of `name` on `type`, matched exactly (Graph property names are case-sensitive). */
export function propertyShape(type: GraphTypeName, name: string): PropertyShape | undefined {
  return GRAPH_TYPES[type].find((property) => property.name === name);
}
