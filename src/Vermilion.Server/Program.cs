using Vermilion.Accounts;
using Vermilion.Commerce;
using Vermilion.Community;
using Vermilion.Discovery;
using Vermilion.Server.Cli;
using Vermilion.Server.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddVermilionHost();
builder.Services.AddAccountsModule(builder.Configuration);
builder.Services.AddCommunityModule();
builder.Services.AddCommerceModule(builder.Configuration);
builder.Services.AddDiscoveryModule();

var app = builder.Build();
app.UseVermilionPipeline();
app.MapAccountsEndpoints();
app.MapCommunityEndpoints();
app.MapCommerceEndpoints();
app.MapDiscoveryEndpoints();
app.MapVermilionShell();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

app.Lifetime.ApplicationStarted.Register(() => Startup.Announce(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
