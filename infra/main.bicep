// Iop in Azure: one build (src/Iop.Functions) in two roles, chosen by the app setting Iop__Role:
//   - Worker: an Azure Functions isolated worker on Flex Consumption (Durable Functions on Azure Storage, the relay queue
//     trigger, the timer triggers);
//   - Web: the pages and the JSON API on App Service (Linux) — ASP.NET Core that cannot run inside the worker.
// Both run as one user-assigned identity against one storage account.
// Secure defaults: no shared keys, no public blobs, TLS 1.2, identity-based connections, the portal-link key in Key Vault.

@description('Short environment name, part of every resource name: dev, test or prod.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region for all resources.')
param location string = resourceGroup().location

@description('The municipality\'s name as users see it.')
param municipality string

@description('The app\'s public address, used in links sent by mail and Teams and for the staff sign-in. Empty: the web app\'s default host name.')
param publicBaseUrl string = ''

@description('The IOP coordinator\'s mailbox (reply-to of outgoing mail).')
param coordinatorMailbox string

@description('Entra ID tenant of the staff sign-in.')
param tenantId string = subscription().tenantId

@description('Client id of the app registration used for staff sign-in.')
param staffSignInClientId string

@description('Base64 HMAC key (at least 32 bytes) for portal links; stored in Key Vault, read by reference. Generate once: openssl rand -base64 32.')
@secure()
param portalSigningKey string

@description('Days of blob soft delete for the documents.')
@minValue(7)
@maxValue(365)
param documentRetentionDays int = 30

@description('Upper bound of Flex Consumption instances (the worker).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('App Service plan SKU of the web role. Basic and up only: every one of these supports Always On and health checks.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param webPlanSku string = 'B1'

var suffix = uniqueString(resourceGroup().id, environmentName)
var names = {
  identity: 'id-iop-${environmentName}-${suffix}'
  logs: 'log-iop-${environmentName}-${suffix}'
  insights: 'appi-iop-${environmentName}-${suffix}'
  storage: take('stiop${environmentName}${suffix}', 24)
  vault: take('kv-iop-${environmentName}-${suffix}', 24)
  plan: 'plan-iop-${environmentName}-${suffix}'
  app: 'func-iop-${environmentName}-${suffix}'
  webPlan: 'plan-iop-web-${environmentName}-${suffix}'
  web: 'app-iop-${environmentName}-${suffix}'
}

// Durable Functions' task hub (host.json: "hubName": "%IopTaskHub%"): letters and digits, 3 to 45 characters.
var taskHubName = 'iop${environmentName}'

// The queue the web role signals after a commit and the worker's relay trigger reads (through AzureWebJobsStorage).
var relayQueueName = 'outbox' // the app's Storage:OutboxQueue default

// Built-in role definitions, by their well-known ids. Everything is granted at resource scope, nothing higher.
var storageRoles = [
  // Storage Blob Data Owner: the Functions host's identity-based AzureWebJobsStorage needs blob ownership for its
  // leases (singleton locks of the timer triggers, Durable's partition leases and large payloads); the Flex deployment
  // container and the documents container are covered by it too. Contributor is not enough for the host.
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Storage Queue Data Contributor: Durable's control and work-item queues, the relay queue (the web role sends, the
  // worker's trigger receives and deletes, and moves poison messages).
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: the record (cases, registry) and Durable's history and instances tables.
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: environmentName == 'prod' ? 90 : 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: {
    name: environmentName == 'prod' ? 'Standard_ZRS' : 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: documentRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: documentRetentionDays
    }
  }
}

resource documents 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'documents'
  properties: {
    publicAccess: 'None'
  }
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deployments'
  properties: {
    publicAccess: 'None'
  }
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource relayQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queues
  name: relayQueueName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'portal-signing-key'
  properties: {
    value: portalSigningKey
    contentType: 'base64 HMAC-SHA256 key for portal links'
  }
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource secretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The settings both roles read, in one place so that the two apps cannot drift apart.
var sharedSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  AZURE_CLIENT_ID: identity.properties.clientId
  Storage__AccountName: storage.name
  Authentication__Mode: 'EntraId'
  AzureAd__TenantId: tenantId
  AzureAd__ClientId: staffSignInClientId
  Iop__Municipality: municipality
  Iop__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${web.properties.defaultHostName}' : publicBaseUrl
  Iop__CoordinatorMailbox: coordinatorMailbox
  Portal__SigningKey: '@Microsoft.KeyVault(SecretUri=${signingKey.properties.secretUri})'
}

// Worker role: the isolated worker on Flex Consumption.

resource workerPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource worker 'Microsoft.Web/sites@2024-04-01' = {
  name: names.app
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: workerPlan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deployments.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      // Sets FUNCTIONS_WORKER_RUNTIME (not an app setting on Flex). Flex Consumption offers .NET 8, 9 and 10 for the
      // isolated worker model: https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan#supported-language-stack-versions
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
    }
  }
  dependsOn: [
    storageAccess
    secretAccess
  ]
}

resource workerSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: worker
  name: 'appsettings'
  properties: union(sharedSettings, {
    Iop__Role: 'Worker'
    // The host's storage, the triggers' default connection and Durable's Azure Storage provider, with the
    // user-assigned identity (Durable takes clientId, not managedIdentityResourceId).
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    IopTaskHub: taskHubName
  })
}

// Web role: the pages and the API on App Service (Linux).

resource webPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.webPlan
  location: location
  kind: 'linux'
  sku: {
    name: webPlanSku
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: names.web
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: webPlan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // The framework-dependent output of the WebApp publish profile, named so that App Service need not guess the entry.
      appCommandLine: 'dotnet Iop.Functions.dll'
      alwaysOn: true
      healthCheckPath: '/initiativ/nytt'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
  dependsOn: [
    storageAccess
    secretAccess
  ]
}

resource webSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: web
  name: 'appsettings'
  properties: union(sharedSettings, {
    Iop__Role: 'Web'
  })
}

output functionAppName string = worker.name
output functionAppHostName string = worker.properties.defaultHostName
output webAppName string = web.name
output webAppHostName string = web.properties.defaultHostName
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output storageAccountName string = storage.name
output keyVaultName string = vault.name
