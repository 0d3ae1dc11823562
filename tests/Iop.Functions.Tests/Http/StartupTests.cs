using System.Text.Json.Nodes;
using Iop.Functions.Tests.Infrastructure;
using Iop.Policies;
using Microsoft.AspNetCore.Hosting;

namespace Iop.Functions.Tests.Http;

[Collection("Azurite")]
public sealed class StartupTests(AzuriteFixture azurite)
{
    [Fact]
    public void An_invalid_policy_profile_stops_start_up_naming_the_bad_field()
    {
        using var stream = typeof(PolicyProfileLoader).Assembly.GetManifestResourceStream("Iop.Policies.Profiles.mora-2023.json")!;
        var json = JsonNode.Parse(stream)!;
        json["checklist"]![2]!["text"]!["sv"] = "";
        var path = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b => b.UseSetting("Iop:PolicyProfile", path));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("checklist[2].text.sv: is required", error.ToString(), StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public void A_registration_number_format_without_a_sequence_stops_start_up()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b => b.UseSetting("Iop:RegistrationNumberFormat", "KS {year}"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("RegistrationNumberFormat", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_sign_in_is_refused_outside_development()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Authentication:Mode", "Development");
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("only allowed in the Development environment", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_organisation_directory_stops_start_up_naming_the_field()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b =>
        {
            b.UseSetting("Organisations:Committees:2:Head:Email", "inte-en-adress");
            b.UseSetting("Organisations:Companies:0:Id", "socialnamnden");
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();

        Assert.Contains("Organisations:Committees[2]:Head:Email: is not an e-mail address", error, StringComparison.Ordinal);
        Assert.Contains("Organisations:Companies[0]:Id: 'socialnamnden' is used twice", error, StringComparison.Ordinal);
    }
}
