using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Portal;
using Iop.Functions.Storage.Azurite;
using Iop.Intake;
using Iop.Screening;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iop.Bench;

/// <summary>Uploads through the portal (HTTP, multipart, streamed to Blob storage) against the Blob SDK alone, on the same Azurite.</summary>
internal static class UploadBenchmarks
{
    public static async Task<IReadOnlyList<string>> RunAsync(AzuriteProcess azurite, int megabytes, int repeats)
    {
        await using var app = new BenchApp(azurite.ConnectionString);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var token = await StartVettingAsync(app);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };

        var lines = new List<string>();
        var direct = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("benchdirect");
        await direct.CreateIfNotExistsAsync();
        foreach (var size in new[] { megabytes / 4, megabytes })
        {
            var payload = Payload(size * 1024 * 1024);
            await UploadThroughAppAsync(http, token, payload); // warm-up
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < repeats; i++)
            {
                await UploadThroughAppAsync(http, token, payload);
            }

            var appSeconds = clock.Elapsed.TotalSeconds;
            var allocatedPerUpload = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / repeats;

            clock.Restart();
            for (var i = 0; i < repeats; i++)
            {
                await direct.GetBlobClient($"direct/{Guid.NewGuid():N}").UploadAsync(new MemoryStream(payload), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                    TransferOptions = new StorageTransferOptions { InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024, MaximumConcurrency = 2 },
                });
            }

            var directSeconds = clock.Elapsed.TotalSeconds;
            var appRate = size * repeats / appSeconds;
            var directRate = size * repeats / directSeconds;
            lines.Add($"{size,3} MB × {repeats}: through the app {appRate,6:0.0} MB/s · Blob SDK directly {directRate,6:0.0} MB/s · ratio {appRate / directRate,4:P0} · managed allocation per upload {allocatedPerUpload / 1024.0 / 1024.0,5:0.0} MB");
        }

        return lines;
    }

    private static async Task UploadThroughAppAsync(HttpClient http, string token, byte[] payload)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(payload);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "stor.pdf");
        using var response = await http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), form);
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"The upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static byte[] Payload(int bytes)
    {
        var payload = RandomNumberGenerator.GetBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(payload);
        return payload;
    }

    private static async Task<string> StartVettingAsync(BenchApp app)
    {
        var service = app.Services.GetRequiredService<CaseService>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var actor = new Actor("bench", "Bench", ActorRole.Coordinator);
        var id = CaseId.New();
        await service.SubmitAsync(id, new Initiative("Förening", "802012-3454", new ContactPerson("K", "k@example.org", "0250-12345"), "U", "I", ValueList<CriterionAssessment>.Empty), CancellationToken.None);
        await service.HandleAsync(id, new CompleteScreening(service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList(), ScreeningOutcome.Continue, null, Alternative.None, actor), null, CancellationToken.None);
        var tokenId = PortalTokens.NewTokenId();
        var expires = time.GetUtcNow().AddDays(30);
        await service.HandleAsync(id, new StartPartnerVetting(tokenId, expires, actor), null, CancellationToken.None);
        return app.Services.GetRequiredService<PortalTokens>().Create(id, tokenId, expires);
    }

    /// <summary>The app on Kestrel; any type of the app's assembly names its entry point (this project has a Program of its own).</summary>
    private sealed class BenchApp : WebApplicationFactory<Iop.Functions.Hosting.IopOptions>
    {
        private readonly string _connectionString;

        public BenchApp(string connectionString)
        {
            _connectionString = connectionString;
            // A console app gets no content-root hint from the test SDK; name the app's folder the documented way.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_IOP_FUNCTIONS", Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Storage", _connectionString);
            builder.UseSetting("Storage:StartAzurite", "false");
            builder.UseSetting("Iop:PublicBaseUrl", "http://localhost");
            builder.UseSetting("Portal:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
