// Development environment. Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param environmentName = 'dev'
param municipality = 'Mora kommun'
param coordinatorMailbox = 'iop-dev@mora.example'
param staffSignInClientId = readEnvironmentVariable('IOP_STAFF_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param portalSigningKey = readEnvironmentVariable('IOP_PORTAL_SIGNING_KEY', '')
param maximumInstanceCount = 5
param webPlanSku = 'B1'
