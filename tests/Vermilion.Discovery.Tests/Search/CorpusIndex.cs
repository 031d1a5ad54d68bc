using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Search;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>
/// The review corpus as 62,774 notes in the search index of a running platform, once per provider for the
/// test class: written straight into the index (the notes are test data, not community content) with authors,
/// types, cities, times and counters spread deterministically, one note in 97 private to its author.
/// </summary>
public sealed class CorpusIndex : IAsyncLifetime
{
    public static readonly string[] Cities = ["北京", "上海", "杭州", "成都"];
    /// <summary>The corpus's present, to the minute, and the app's clock stands still at it: rankings that weigh freshness and time filters give the same lists on every run.</summary>
    public static readonly DateTimeOffset Now = ThisMinute();

    private readonly Dictionary<DatabaseProvider, Task<VermilionApp>> _apps = [];
    private readonly Lock _gate = new();

    private static DateTimeOffset ThisMinute()
    {
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    public static long NoteId(int index) => 1_000_000 + index;

    public static long AuthorOf(int index) => 10_000 + (index % 500);

    public static bool IsPrivate(int index) => index % 97 == 0;

    public Task<VermilionApp> GetAsync(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                _apps[provider] = app = LoadAsync(provider);
            }

            return app;
        }
    }

    internal static NoteDocument Document(int index, Review review) => new(
        NoteId(index), AuthorOf(index), (index % 5) switch { 0 => "video", 1 => "text", _ => "image" }, Cities[index % Cities.Length],
        IsPrivate(index) ? NoteAudience.OnlyAuthor : NoteAudience.Public, Now.AddMinutes(-(index * 7L % (60 * 24 * 200))),
        index * 31 % 500, index * 17 % 200, index * 13 % 100, "", review.Text.Length > IndexedNote.BodyMax ? review.Text[..IndexedNote.BodyMax] : review.Text, "");

    private static async Task<VermilionApp> LoadAsync(DatabaseProvider provider)
    {
        var app = await VermilionApp.StartAsync(provider, clock: new ManualClock(Now));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDb>();
        var engine = scope.ServiceProvider.GetRequiredService<IFullTextEngine>();
        var reviews = ReviewCorpus.All;
        foreach (var chunk in Enumerable.Range(0, reviews.Count).Chunk(5000))
        {
            await engine.WriteAsync(db, [.. chunk.Select(i => Document(i, reviews[i]))], Now, CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<LexiconStore>().LearnAsync(CancellationToken.None);
        return app;
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
