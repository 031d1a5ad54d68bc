namespace Vermilion.Discovery.Tests;

/// <summary>Finds files in the repository and the shared reference data beside it: walks up from the test assembly to the folder with Vermilion.slnx.</summary>
internal static class RepositoryFiles
{
    public static string SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data", relative));
        Assert.True(File.Exists(path), $"The reference data file {path} is missing.");
        return path;
    }

    /// <summary>A path inside the repository itself (for reference files kept beside the tests).</summary>
    public static string InRepository(string relative) => Path.GetFullPath(Path.Combine(Root(), relative));

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vermilion.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "No Vermilion.slnx above " + AppContext.BaseDirectory);
        return directory!.FullName;
    }
}
