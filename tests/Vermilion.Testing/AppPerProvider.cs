using Vermilion.Kernel.Persistence;
using Xunit;

namespace Vermilion.Testing;

/// <summary>One running platform per provider, shared by a test class (its fixture); tests make their own people and data.</summary>
public sealed class AppPerProvider : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<VermilionApp>> _apps = [];
    private readonly Lock _gate = new();

    public Task<VermilionApp> GetAsync(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                _apps[provider] = app = VermilionApp.StartAsync(provider);
            }

            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}
