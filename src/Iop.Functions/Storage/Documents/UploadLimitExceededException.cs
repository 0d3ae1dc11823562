namespace Iop.Functions.Storage.Documents;

/// <summary>The upload grew past the configured limit while it streamed.</summary>
internal sealed class UploadLimitExceededException(long limit) : IOException($"The file is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
