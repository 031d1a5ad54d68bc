namespace Vermilion.Server.Hosting;

/// <summary>
/// The host reads its settings (<c>appsettings.json</c>) from beside its own binaries, wherever it is started from.
/// The default, the current directory, made <c>dotnet run --project src/Vermilion.Server</c> from the repository root
/// run without them: every SQL statement logged, among others. Relative paths in settings (the data directory) still
/// mean the current directory.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsChosen(args) ? null : AppContext.BaseDirectory,
    };

    /// <summary>A content root given on the command line or in the environment (as the test host does) is kept.</summary>
    private static bool IsChosen(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
