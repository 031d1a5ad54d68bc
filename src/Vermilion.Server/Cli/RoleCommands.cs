using Vermilion.Accounts.Contracts;

namespace Vermilion.Server.Cli;

internal static class RoleCommands
{
    public static async Task<int> GrantAsync(IServiceProvider services, string username, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<IRoleAdministration>();
        var result = await roles.GrantAsync(username, role, CancellationToken.None);
        Console.WriteLine(result.Message);
        return result.Succeeded ? 0 : 1;
    }
}
