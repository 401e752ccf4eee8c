import type { JsonObject } from '../json';

/** The id of the `USER_INBOUND_USER` rule of the Azure2Azure template (the `ruleId` for provisionOnDemand). */
export const AZURE2AZURE_USER_RULE_ID = '8d3f6b2a-4c71-4e9d-a05b-7e2c9f1d4a63';

/** Source attributes mapped one-to-one to the same target attribute (sync-facts.md §4b). */
const DIRECT_ATTRIBUTES = [
  'IsSoftDeleted',
  'accountEnabled',
  'streetAddress',
  'city',
  'state',
  'postalCode',
  'country',
  'department',
  'employeeId',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'mailNickname',
  'preferredLanguage',
  'userPrincipalName',
  'mail',
  'manager',
];

function direct(name: string): JsonObject {
  return {
    targetAttributeName: name,
    matchingPriority: 0,
    flowType: 'Always',
    flowBehavior: 'FlowWhenChanged',
    defaultValue: null,
    exportMissingReferences: false,
    source: { type: 'Attribute', name, expression: `[${name}]`, parameters: [] },
  };
}

function constant(target: string, value: string, flowType: 'Always' | 'ObjectAddOnly'): JsonObject {
  return {
    targetAttributeName: target,
    matchingPriority: 0,
    flowType,
    flowBehavior: 'FlowWhenChanged',
    defaultValue: null,
    exportMissingReferences: false,
    source: { type: 'Constant', name: null, expression: `"${value}"`, parameters: [] },
  };
}

function attribute(
  name: string,
  type: 'String' | 'Boolean' | 'Reference',
  multivalued = false,
): JsonObject {
  return {
    name,
    type,
    multivalued,
    anchor: name === 'objectId',
    caseExact: false,
    required: false,
    mutability: 'ReadWrite',
    flowNullValues: false,
    metadata: [],
    apiExpressions: [],
    referencedObjects: [],
  };
}

function directory(id: string, name: string): JsonObject {
  const attrs = [
    'objectId',
    'netId',
    'alternativeSecurityIds',
    ...DIRECT_ATTRIBUTES.filter((a) => a !== 'manager'),
    'showInAddressList',
    'userType',
    'appRoleAssignments',
  ];
  return {
    id,
    name,
    readOnly: false,
    version: null,
    discoverabilities: 'None',
    discoveryDateTime: null,
    objects: [
      {
        name: 'User',
        supportedApis: [],
        metadata: [],
        attributes: [
          ...attrs.map((a) =>
            attribute(
              a,
              a === 'accountEnabled' || a === 'IsSoftDeleted' || a === 'showInAddressList'
                ? 'Boolean'
                : 'String',
              a === 'alternativeSecurityIds' || a === 'appRoleAssignments',
            ),
          ),
          attribute('manager', 'Reference'),
        ],
      },
    ],
  };
}

/**
 * The default schema of an Azure2Azure (cross-tenant sync) job, following sync-facts.md §4: one
 * rule, the user mapping with `alternativeSecurityIds` as the only matching attribute, the
 * built-in "Filter external users" input filter, and the direct attribute flows. The schema id is
 * the job id.
 */
export function azure2AzureSchema(jobId: string): JsonObject {
  return {
    id: jobId,
    version: 'v1.2',
    synchronizationRules: [
      {
        id: AZURE2AZURE_USER_RULE_ID,
        name: 'USER_INBOUND_USER',
        priority: 1,
        editable: true,
        containerFilter: null,
        groupFilter: null,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'Azure Active Directory (target tenant)',
        metadata: [
          { key: 'defaultSourceObjectMappings', value: 'true' },
          { key: 'supportsProvisionOnDemand', value: 'true' },
        ],
        objectMappings: [
          {
            name: 'Provision Azure Active Directory Users',
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'User',
            targetObjectName: 'User',
            metadata: [],
            scope: {
              groups: [],
              categoryFilterGroups: [],
              inputFilterGroups: [
                {
                  name: 'Filter external users',
                  clauses: [
                    {
                      sourceOperandName: 'alternativeSecurityIds',
                      operatorName: 'EQUALS',
                      targetOperand: { values: ['None'] },
                    },
                  ],
                },
              ],
            },
            attributeMappings: [
              {
                targetAttributeName: 'alternativeSecurityIds',
                matchingPriority: 1,
                flowType: 'Always',
                flowBehavior: 'FlowWhenChanged',
                defaultValue: null,
                exportMissingReferences: false,
                source: {
                  type: 'Function',
                  name: 'AltSecIdFromNetId',
                  expression: 'AltSecIdFromNetId([netId])',
                  parameters: [
                    {
                      key: 'source',
                      value: {
                        type: 'Attribute',
                        name: 'netId',
                        expression: '[netId]',
                        parameters: [],
                      },
                    },
                  ],
                },
              },
              ...DIRECT_ATTRIBUTES.map(direct),
              constant('showInAddressList', 'true', 'Always'),
              constant('userType', 'Member', 'ObjectAddOnly'),
            ],
          },
        ],
      },
    ],
    directories: [
      directory('AzureActiveDirectory', 'Azure Active Directory'),
      directory('AzureActiveDirectoryTarget', 'Azure Active Directory (target tenant)'),
    ],
  };
}

/**
 * A minimal schema for other gallery templates the sandbox hosts (e.g. BoxOutDelta): one
 * user rule from Entra to the app. Enough to GET, edit and PUT back.
 */
export function galleryAppSchema(jobId: string, appName: string): JsonObject {
  return {
    id: jobId,
    version: 'v1.0',
    synchronizationRules: [
      {
        id: '2b7e4c19-6d8a-4f30-b5e1-9c3a7d6f0e84',
        name: 'USER_TO_USER',
        priority: 1,
        editable: true,
        containerFilter: null,
        groupFilter: null,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: appName,
        metadata: [],
        objectMappings: [
          {
            name: `Provision Azure Active Directory Users`,
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'User',
            targetObjectName: 'User',
            metadata: [],
            scope: null,
            attributeMappings: [direct('userPrincipalName'), direct('displayName'), direct('mail')],
          },
        ],
      },
    ],
    directories: [
      directory('AzureActiveDirectory', 'Azure Active Directory'),
      directory(appName.replace(/\s+/g, ''), appName),
    ],
  };
}
