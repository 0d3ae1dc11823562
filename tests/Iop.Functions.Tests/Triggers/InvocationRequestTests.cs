using System.Text.Json;
using Iop.Functions.Triggers;

namespace Iop.Functions.Tests.Triggers;

public sealed class InvocationRequestTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static InvocationRequest Parse(string json) => JsonSerializer.Deserialize<InvocationRequest>(json, Web)!;

    [Theory]
    [InlineData("""{"Data":{"message":"0123456789abcdef0123456789abcdef"}}""", "0123456789abcdef0123456789abcdef")]
    [InlineData("""{"Data":{"message":"\"0123456789abcdef0123456789abcdef\""}}""", "0123456789abcdef0123456789abcdef")]
    [InlineData("""{"Data":{"message":"\"{\\\"case\\\":\\\"c\\\"}\""}}""", """{"case":"c"}""")]
    [InlineData("""{"Data":{"message":"{\"case\":\"c\"}"}}""", """{"case":"c"}""")]
    public void A_queue_message_reads_the_same_whether_the_host_serialised_it_once_or_twice(string payload, string expected) =>
        Assert.Equal(expected, Parse(payload).Text("message"));

    [Fact]
    public void A_timer_object_reads_as_its_json_and_metadata_as_text()
    {
        var request = Parse("""{"Data":{"timer":{"IsPastDue":false}},"Metadata":{"Id":"m1","DequeueCount":5}}""");

        Assert.Equal("""{"IsPastDue":false}""", request.Text("timer"));
        Assert.Null(request.Text("other"));
        Assert.Equal("m1", request.MetadataText("Id"));
        Assert.Equal("5", request.MetadataText("DequeueCount"));
    }
}
