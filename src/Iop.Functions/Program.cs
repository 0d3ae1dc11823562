using Iop.Functions.Hosting;
using Iop.Functions.Microsoft365;

if (TeamsAppPackage.TryRun(args, Console.Out) || ProfileCommand.TryRun(args, Console.Out))
{
    return;
}

if (IopRoles.AtStartUp(args) == IopRole.Worker)
{
    IopWorker.CreateBuilder(args).Build().Run();
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIop();

var app = builder.Build();
app.UseIop();
app.Run();

/// <summary>The app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
