using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Iop.Functions.Tests.Microsoft365;

/// <summary>
/// Microsoft Graph on this machine: the real <see cref="GraphServiceClient"/> with its default middleware (retry,
/// redirect…) over a handler that records every request and answers as the test says. No network.
/// </summary>
internal sealed class GraphStub : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, string, HttpResponseMessage>> _answers = new();

    public List<(HttpMethod Method, Uri Uri, string? ContentType, string Body)> Requests { get; } = [];

    /// <summary>Once the queued answers are used up, every request gets this one.</summary>
    public Func<HttpRequestMessage, string, HttpResponseMessage> Otherwise { get; set; } = (_, _) => new HttpResponseMessage(HttpStatusCode.Accepted);

    public GraphStub Then(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null)
    {
        _answers.Enqueue((_, _) => Response(status, json, headers));
        return this;
    }

    public GraphServiceClient Client() =>
        new(GraphClientFactory.Create(finalHandler: this), new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");

    public static HttpResponseMessage Response(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        headers?.Invoke(response);
        return response;
    }

    public static string Error(string code, string message) => new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body));
        var answer = _answers.Count > 0 ? _answers.Dequeue() : Otherwise;
        var response = answer(request, body);
        response.RequestMessage = request;
        return response;
    }
}
