using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Iop.Functions.Hosting;

/// <summary>
/// A form that cannot be read (a multipart body cut short or framed with another boundary, part headers over the
/// limits) makes MVC skip binding altogether, leaving an error at the model's root; the handler would then run with
/// nothing bound and answer something misleading ("the link is not valid"). Such a request gets 400, the error page
/// that says the form could not be accepted, and no handler runs. A handler that reads its body itself (the portal's
/// streamed upload) binds nothing, so it never meets this filter's condition and its body is never read here.
/// </summary>
internal sealed class UnreadableForm : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        var formUnread = !reExecuted && request.HasFormContentType && context.HttpContext.Features.Get<IFormFeature>()?.Form is null;
        if (formUnread && context.ModelState.TryGetValue(string.Empty, out var root) && root.Errors.Count > 0)
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
