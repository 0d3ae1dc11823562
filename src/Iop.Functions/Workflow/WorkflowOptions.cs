namespace Iop.Functions.Workflow;

/// <summary>The workflow's settings (section <c>Workflow</c>).</summary>
internal sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>The Durable Task hub (in Azure, host.json's hub name must be the same).</summary>
    public string TaskHub { get; set; } = "iop";

    /// <summary>The local durable backend's gRPC port on the loopback interface; 0 takes a free one at start-up.</summary>
    public int LocalPort { get; set; }

    /// <summary>Deliveries tried before an effect counts as failed (the first try included).</summary>
    public int DeliveryAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each further retry doubles it, up to <see cref="MaxRetry"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a committed row may wait for its signal before the sweep relays it.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A relayed row still not delivered after this long is relayed again (the workflow ignores what it has seen).</summary>
    public TimeSpan StaleRelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Locally: how often the relay looks at the queue when nothing woke it, and how often it sweeps.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Locally: the longest the durable backend waits between looks at an idle queue (DTFx's default is 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Locally: how soon work taken by a process that died is taken again (DTFx's default is 5 min).</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The orchestration version this process runs and starts (<see cref="WorkflowVersion.Current"/>); set only to
    /// rehearse an upgrade, as the deployment test does.
    /// </summary>
    public string Version { get; set; } = WorkflowVersion.Current;

    public DeliveryPolicy Delivery => new(DeliveryAttempts, FirstRetry, MaxRetry);
}
