using Microsoft.Extensions.Options;

namespace Iop.Functions.Microsoft365;

/// <summary>Where mail, invitations and Teams notifications go (section <c>Microsoft365</c>).</summary>
internal sealed class Microsoft365Options
{
    public const string Section = "Microsoft365";

    /// <summary><c>Local</c> (the default: the local outbox at /dev/outbox) or <c>Graph</c> (Microsoft 365).</summary>
    public Microsoft365Mode Mode { get; set; } = Microsoft365Mode.Local;

    /// <summary>The municipality's shared IOP mailbox (UPN or address) that sends mail and owns the meetings.</summary>
    public string? Mailbox { get; set; }

    /// <summary>How the coordinator is notified in Teams: <c>ActivityFeed</c> (a Teams app) or <c>Workflows</c> (a webhook).</summary>
    public TeamsChannel Notifications { get; set; } = TeamsChannel.ActivityFeed;

    /// <summary>The coordinator's Entra ID object id or UPN, for activity-feed notifications.</summary>
    public string? CoordinatorUserId { get; set; }

    /// <summary>The Teams app's id (optional; disambiguates when several apps share the app registration).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>The Teams Workflows webhook URL (a secret: from Key Vault or app settings, never the repository).</summary>
    public string? WorkflowsWebhookUrl { get; set; }

    /// <summary>For a client secret or certificate instead of the managed identity: the tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>For a client secret or certificate instead of the managed identity: the app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret (a secret: from Key Vault or app settings).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A certificate file (PFX) with its private key, instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Graph's address (a national cloud may differ).</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Every setting that is missing or wrong for the chosen mode, said plainly.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (Mode != Microsoft365Mode.Graph)
        {
            return [];
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Mailbox))
        {
            problems.Add($"{Section}:Mailbox is missing: the shared IOP mailbox that sends mail and invitations (e.g. iop@kommun.se).");
        }

        if (Notifications == TeamsChannel.ActivityFeed && string.IsNullOrWhiteSpace(CoordinatorUserId))
        {
            problems.Add($"{Section}:CoordinatorUserId is missing: the coordinator's Entra ID object id or UPN, who gets the Teams notifications.");
        }

        if (Notifications == TeamsChannel.Workflows && !(Uri.TryCreate(WorkflowsWebhookUrl, UriKind.Absolute, out var hook) && hook.Scheme == Uri.UriSchemeHttps))
        {
            problems.Add($"{Section}:WorkflowsWebhookUrl is missing or not an https address: the Teams Workflows webhook that posts to the coordinator.");
        }

        if ((ClientSecret is not null || CertificatePath is not null) && (string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(ClientId)))
        {
            problems.Add($"{Section}:TenantId and {Section}:ClientId are needed with a client secret or certificate.");
        }

        if (CertificatePath is not null && !File.Exists(CertificatePath))
        {
            problems.Add($"{Section}:CertificatePath names no file: {CertificatePath}.");
        }

        return problems;
    }

    /// <summary>Start-up refuses a Graph configuration with problems, listing every one.</summary>
    internal sealed class Validation : IValidateOptions<Microsoft365Options>
    {
        public ValidateOptionsResult Validate(string? name, Microsoft365Options options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

/// <summary>Where Microsoft 365 traffic goes.</summary>
internal enum Microsoft365Mode
{
    /// <summary>The local outbox (development and tests).</summary>
    Local,

    /// <summary>Microsoft Graph.</summary>
    Graph,
}

/// <summary>How the coordinator is notified in Teams.</summary>
internal enum TeamsChannel
{
    /// <summary>Graph activity-feed notifications through the IOP Teams app.</summary>
    ActivityFeed,

    /// <summary>An Adaptive Card posted to a Teams Workflows webhook.</summary>
    Workflows,
}
