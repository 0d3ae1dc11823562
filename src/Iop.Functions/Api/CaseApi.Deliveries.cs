using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Outbox;
using Iop.Functions.Workflow;

namespace Iop.Functions.Api;

/// <summary>What went wrong on the way out: send a failed message again, mark a failed workflow step as seen to.</summary>
internal static partial class CaseApi
{
    private static void MapDeliveryCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/deliveries/{deliveryId}/retry", Retry)
            .Commanding("RetryDelivery", "Sends a message the case could not send (see GET …/work) once more.")
            .Produces(StatusCodes.Status202Accepted);
        cases.MapPost("/{id}/workflow-failures/{failureId}/dismiss", Dismiss)
            .Commanding("DismissWorkflowFailure", "Marks a failed workflow step (see GET …/work) as seen to.")
            .Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> Retry(string id, string deliveryId, ICaseStore store, OutboxStore outbox, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound();
        }

        return await outbox.RetryAsync(caseId, deliveryId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Accepted($"/api/cases/{caseId}/work")
            : ApiProblems.Conflict("delivery.not-failed", Language.T(
                "Meddelandet väntar inte på något nytt försök (det är skickat, eller finns inte).", "The message is not waiting for a retry (it was sent, or does not exist)."));
    }

    private static async Task<IResult> Dismiss(string id, string failureId, ICaseStore store, WorkflowFailures failures, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound();
        }

        return await failures.DismissAsync(caseId, failureId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.Conflict("workflow-failure.not-open", Language.T(
                "Felet är redan omhändertaget, eller finns inte.", "The failure has already been seen to, or does not exist."));
    }
}
