namespace Iop.Functions.Storage.Cases;

/// <summary>
/// A table or queue made ready on first use. Unlike <see cref="Lazy{T}"/>, a failed creation (storage not reachable
/// yet, a transient error) is not remembered for the life of the process: the next caller tries again.
/// </summary>
internal sealed class CreatedOnFirstUse<T>(Func<Task<T>> create)
{
    private readonly Lock _gate = new();
    private Task<T>? _creation;

    public Task<T> Value
    {
        get
        {
            var creation = Volatile.Read(ref _creation);
            if (creation is { IsCompletedSuccessfully: true })
            {
                return creation;
            }

            lock (_gate)
            {
                if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
                {
                    _creation = create();
                }

                return _creation;
            }
        }
    }
}
