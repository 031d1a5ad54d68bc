namespace Vermilion.Discovery.Tests;

/// <summary>Finds the shared reference data beside the repository: walks up from the test assembly to the folder with Vermilion.slnx.</summary>
internal static class RepositoryFiles
{
    public static string SharedData(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vermilion.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "No Vermilion.slnx above " + AppContext.BaseDirectory);
        var path = Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "data", relative));
        Assert.True(File.Exists(path), $"The reference data file {path} is missing.");
        return path;
    }
}
