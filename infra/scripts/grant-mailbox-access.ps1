<#
.SYNOPSIS
Lets the app send mail and manage meetings as the one shared IOP mailbox, and no other, with Exchange Online RBAC for
Applications (application access policies are legacy). Run in Exchange Online PowerShell (Connect-ExchangeOnline).

.EXAMPLE
pwsh infra/scripts/grant-mailbox-access.ps1 -AppId <client id> -ServicePrincipalObjectId <object id> -Mailbox iop@kommun.se
#>
param(
    [Parameter(Mandatory)] [Guid] $AppId,
    [Parameter(Mandatory)] [Guid] $ServicePrincipalObjectId,
    [Parameter(Mandatory)] [string] $Mailbox,
    [string] $Name = 'Iop'
)
$ErrorActionPreference = 'Stop'

# Exchange's pointer to the Entra service principal (the managed identity or app registration).
if (-not (Get-ServicePrincipal -Identity $ServicePrincipalObjectId -ErrorAction SilentlyContinue)) {
    New-ServicePrincipal -AppId $AppId -ObjectId $ServicePrincipalObjectId -DisplayName "$Name app" | Out-Null
}

# A scope holding exactly the shared mailbox.
$scopeName = "$Name mailbox"
if (-not (Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue)) {
    New-ManagementScope -Name $scopeName -RecipientRestrictionFilter "PrimarySmtpAddress -eq '$Mailbox'" | Out-Null
}

foreach ($role in 'Application Mail.Send', 'Application Calendars.ReadWrite') {
    $assignment = "$Name - $role"
    if (-not (Get-ManagementRoleAssignment -Identity $assignment -ErrorAction SilentlyContinue)) {
        New-ManagementRoleAssignment -Name $assignment -App $ServicePrincipalObjectId -Role $role -CustomResourceScope $scopeName | Out-Null
    }
    Write-Output "Granted: $role on $Mailbox"
}

# Check: the app may act on the IOP mailbox, and not on another one.
Test-ServicePrincipalAuthorization -Identity $ServicePrincipalObjectId -Resource $Mailbox | Format-Table RoleName, InScope
