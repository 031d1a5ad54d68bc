using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Signals;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Feed;

/// <summary>
/// Refreshes continue a ranking while it lasts; the next one is made ahead, and the refresh that finds the old one
/// run dry starts from it instead of ranking while the person waits. Counted through the feed's own metrics.
/// </summary>
public sealed class RankingAheadTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refreshes_RankOnceWhileThePersonWaits_ThenFromARankingMadeAhead_NeverRepeatingANote(DatabaseProvider provider)
    {
        // Ranking ahead starts at the first continued refresh, so that a short session shows the whole hand-over.
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?>(FeedApp.Settings)
        {
            ["Discovery:Feed:RankAheadPages"] = "100",
        });
        for (var author = 0; author < 12; author++)
        {
            var (client, _, _) = await app.SignUpAsync();
            for (var i = 0; i < 9; i++)
            {
                await client.PostAsync($"露营装备清单{author}-{i}", "露营");
            }
        }

        await app.TrainAsync();
        var (reader, readerId, _) = await app.SignUpWithInterestsAsync("露营");
        await TasteSettledAsync(app, readerId);
        using var rankings = new RankingCounts(app.Services.GetRequiredService<IMeterFactory>());

        var shown = new List<string>();
        for (var refresh = 0; refresh < 5; refresh++)
        {
            var page = await reader.FeedAsync();
            Assert.NotEmpty(page);
            shown.AddRange(page.Select(item => item.Id));
        }

        // 108 candidates, 20 a page: the first refresh ranks, the next three continue it (the first of them starting
        // the next ranking), and the fifth finds the first with less than two pages left and takes the one made ahead.
        Assert.Equal(1, rankings.Of("waited"));
        Assert.Equal(3, rankings.Of("continued"));
        Assert.Equal(1, rankings.Of("ahead"));
        Assert.Equal(shown.Count, shown.Distinct().Count());
    }

    /// <summary>
    /// Waits until what sign-up told the feed (the interest picked, reaching it through the outbox) has arrived: a
    /// change of taste rightly makes the next refresh rank afresh, and this test counts rankings.
    /// </summary>
    private static async Task TasteSettledAsync(VermilionApp app, string readerId)
    {
        await app.SettledAsync();
        var log = app.Services.GetRequiredService<ViewerActivity>().For(ShortId.TryDecode(readerId, out var id) ? id : throw new FormatException(readerId));
        await Eventually.ValueAsync(async () =>
        {
            var before = log.TasteVersion;
            await Task.Delay(500);
            return before > 0 && log.TasteVersion == before;
        }, steady => steady, "the reader's taste to settle");
    }

    /// <summary>First pages by how their ranking was had, as this platform's feed reported them.</summary>
    private sealed class RankingCounts : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly Dictionary<string, long> counts = [];

        public RankingCounts(IMeterFactory platform)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FeedMetrics.MeterName && instrument.Meter.Scope == platform && instrument.Name == "vermilion.feed.first_pages")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "ranking" && tag.Value is string how)
                    {
                        lock (counts)
                        {
                            counts[how] = counts.GetValueOrDefault(how) + value;
                        }
                    }
                }
            });
            listener.Start();
        }

        public long Of(string how)
        {
            lock (counts)
            {
                return counts.GetValueOrDefault(how);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
