#!/usr/bin/env bash
# Grants the app's managed identity the Microsoft Graph application permissions Bicep cannot grant, least privilege:
#   - TeamsActivity.Send (Entra app role): activity-feed notifications to the coordinator. Skipped with --no-teams
#     (when Microsoft365:Notifications is Workflows, the app needs no Teams permission at all).
# Mail.Send and Calendars.ReadWrite are NOT granted in Entra: a tenant-wide grant would let the app send as any mailbox.
# They are granted in Exchange Online, scoped to the one shared IOP mailbox, with RBAC for Applications; this script
# prints the Exchange Online PowerShell commands (grant-mailbox-access.ps1 runs them).
#
# Usage: infra/scripts/grant-graph-permissions.sh <resource-group> <managed-identity-name> <iop-mailbox> [--no-teams]
# Needs: az (signed in as a Privileged Role Administrator or Global Administrator of the tenant).
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "Usage: $0 <resource-group> <managed-identity-name> <iop-mailbox> [--no-teams]" >&2
  exit 2
fi
group="$1"; identity="$2"; mailbox="$3"; teams="yes"
[[ "${4:-}" == "--no-teams" ]] && teams="no"

principal_id=$(az identity show --resource-group "$group" --name "$identity" --query principalId --output tsv)
client_id=$(az identity show --resource-group "$group" --name "$identity" --query clientId --output tsv)
graph_sp=$(az ad sp show --id 00000003-0000-0000-c000-000000000000 --query id --output tsv)

grant() {
  local permission="$1"
  local role_id
  role_id=$(az ad sp show --id 00000003-0000-0000-c000-000000000000 --query "appRoles[?value=='$permission' && contains(allowedMemberTypes, 'Application')].id | [0]" --output tsv)
  if [[ -z "$role_id" ]]; then
    echo "Microsoft Graph has no application permission $permission." >&2
    exit 1
  fi
  if az rest --method GET --url "https://graph.microsoft.com/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
      --query "value[?appRoleId=='$role_id'] | [0].id" --output tsv | grep -q .; then
    echo "Already granted: $permission"
    return
  fi
  az rest --method POST --url "https://graph.microsoft.com/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$role_id\"}" --output none
  echo "Granted: $permission"
}

if [[ "$teams" == "yes" ]]; then
  grant "TeamsActivity.Send"
fi

cat <<EOT

Next, in Exchange Online PowerShell (Connect-ExchangeOnline as an Exchange administrator), scope mail and calendar to
the one shared mailbox with RBAC for Applications:

  pwsh infra/scripts/grant-mailbox-access.ps1 -AppId $client_id -ServicePrincipalObjectId $principal_id -Mailbox $mailbox

Then set the app settings Microsoft365__Mode=Graph, Microsoft365__Mailbox=$mailbox and (for Teams)
Microsoft365__CoordinatorUserId=<the coordinator's object id>, and install the Teams app for the coordinator (README).
EOT
