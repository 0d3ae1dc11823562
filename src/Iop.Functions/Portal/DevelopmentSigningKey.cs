using System.Security.Cryptography;
using Iop.Functions.Storage.Azurite;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Portal;

/// <summary>
/// Locally, where no Key Vault provides <c>Portal:SigningKey</c>, a random key is made once and kept beside Azurite's
/// data (git-ignored), so portal links in the local outbox keep working across restarts. Development only.
/// </summary>
internal sealed class DevelopmentSigningKey(IHostEnvironment environment) : IPostConfigureOptions<PortalOptions>
{
    public void PostConfigure(string? name, PortalOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey) || !environment.IsDevelopment())
        {
            return;
        }

        var folder = Path.Combine(AzuriteProcess.RepositoryRoot(), ".azurite");
        var file = Path.Combine(folder, "portal-signing-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        options.SigningKey = File.ReadAllText(file).Trim();
    }
}
