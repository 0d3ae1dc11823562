namespace Iop.Functions.Triggers;

/// <summary>Runs one invocation and answers as the host expects: 200 with the result, or non-2xx so the invocation fails and is retried.</summary>
internal static class TriggerEndpoint
{
    public static async Task<IResult> InvokeAsync(ITriggerFunction function, InvocationRequest request, HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TriggerEndpoint));
        try
        {
            var outcome = await function.InvokeAsync(request, context.RequestAborted).ConfigureAwait(false);
            var result = InvocationResult.Of(outcome.Log, outcome.ReturnValue);
            if (!outcome.Succeeded)
            {
                logger.LogError("{Function} failed: {Reason}", function.Name, outcome.Log);
                return Results.Json(result, statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            return Results.Json(result);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "{Function} failed.", function.Name);
            return Results.Json(InvocationResult.Of($"{function.Name} failed: {e.GetType().Name}."), statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
