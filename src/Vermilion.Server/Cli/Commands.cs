using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Cli;

/// <summary>
/// The server executable's commands: <c>migrate</c>, <c>seed [--scale small|large]</c>, <c>roles grant &lt;user&gt; &lt;role&gt;</c>,
/// <c>reconcile</c>, <c>reindex</c>, <c>eval recsys ...</c> (offline evaluation, no database needed), <c>train</c> (the discovery feed); with none, it serves.
/// </summary>
internal static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed" or "roles" or "reconcile" or "eval" or "reindex" or "train" or "help" or "--help";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        switch (args[0])
        {
            case "migrate":
                await Migrator.MigrateAllAsync(services);
                Console.WriteLine("Migrations applied.");
                return 0;
            case "seed":
                await Migrator.MigrateAllAsync(services);
                var scale = DemoScale.Parse(OptionValue(args, "--scale") ?? "small");
                if (scale is null)
                {
                    await Console.Error.WriteLineAsync("--scale must be small or large.");
                    return 2;
                }

                await DemoCommunity.SeedAsync(services, scale, Console.Out, CancellationToken.None);
                return 0;
            case "reconcile":
                await Migrator.MigrateAllAsync(services);
                return await ReconcileCommand.RunAsync(services, Console.Out, CancellationToken.None);
            case "roles" when args.Length == 4 && args[1] == "grant":
                await Migrator.MigrateAllAsync(services);
                return await RoleCommands.GrantAsync(services, args[2], args[3]);
            case "reindex":
                await Migrator.MigrateAllAsync(services);
                return await ReindexCommand.RunAsync(services, Console.Out, CancellationToken.None);
            case "eval" when args.Length > 1 && args[1] == "recsys":
                return await EvaluationCommand.RunAsync(services, args);
            case "train":
                return await TrainCommand.RunAsync(services, args);
            default:
                Console.WriteLine("""
                    Usage: Vermilion.Server [command]
                      (no command)                  run the platform
                      migrate                       apply database migrations
                      seed [--scale small|large]    generate the demo community
                      roles grant <user> <role>     grant creator, merchant, mcn, moderator or admin
                      reconcile                     check that money and stock add up; exit 1 on any mismatch
                      reindex                       rebuild the search index (notes, products), lexicon and suggestions
                      eval recsys --data <file> --protocol <loo-full|random-split|given-split>
                                  [--test <file>] [--json <file>] [--algorithms pop,itemknn,...] [--threads <n>]
                                                    evaluate the recommender offline on a public dataset
                      train [--threads <n>]         train the discovery feed now (the server also trains on a schedule)
                    """);
                return args[0] is "help" or "--help" ? 0 : 2;
        }
    }

    internal static string? OptionValue(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
