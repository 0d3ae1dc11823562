namespace Iop.Functions.Triggers;

/// <summary>
/// One non-HTTP function of the function app: its folder <c>Functions/{Name}/function.json</c> declares the trigger,
/// and the host POSTs each invocation to <c>/{Name}</c>. A test holds the two sides together.
/// </summary>
internal interface ITriggerFunction
{
    /// <summary>The function's name: its folder and the path the host posts to.</summary>
    string Name { get; }

    /// <summary>The trigger binding in <c>function.json</c>.</summary>
    TriggerBinding Binding { get; }

    Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}

/// <summary>A trigger binding: its type (<c>queueTrigger</c>, <c>timerTrigger</c>), its name (the key in the request's <c>Data</c>), and the queue it reads.</summary>
internal sealed record TriggerBinding(string Type, string Name, string? QueueName = null)
{
    public const string QueueTrigger = "queueTrigger";
    public const string TimerTrigger = "timerTrigger";

    public static TriggerBinding Queue(string queueName) => new(QueueTrigger, "message", queueName);

    public static TriggerBinding Timer() => new(TimerTrigger, "timer");
}
