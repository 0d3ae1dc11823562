// Production environment. Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.prod.bicepparam
using 'main.bicep'

param environmentName = 'prod'
param municipality = 'Mora kommun'
param publicBaseUrl = 'https://iop.mora.se'
param coordinatorMailbox = 'iop@mora.se'
param staffSignInClientId = readEnvironmentVariable('IOP_STAFF_CLIENT_ID')
param portalSigningKey = readEnvironmentVariable('IOP_PORTAL_SIGNING_KEY')
param documentRetentionDays = 90
param maximumInstanceCount = 40
param webPlanSku = 'P0v3'
