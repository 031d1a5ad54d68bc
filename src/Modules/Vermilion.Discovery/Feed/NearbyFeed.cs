using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// The nearby feed (同城): notes placed near the person's position, ranked by distance and quality (engagement,
/// popularity, a little freshness), widening the circle until there are enough; or, from a city name (the
/// profile's city), that city's best notes. One ranked list per place for a minute, creators spread across pages,
/// then what this person blocked or muted is left out.
/// </summary>
internal sealed class NearbyFeed(IOptions<FeedOptions> options) : IDisposable
{
    private const int Enough = 60;
    private const double FarthestKm = 400;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache lists = new(new MemoryCacheOptions { SizeLimit = 2000 });

    public (IReadOnlyList<Candidate> Page, string? Next) Page(FeedContext context, FeedRequest request, ICreatorTrust trust)
    {
        var city = request.City ?? (request.Latitude is null ? context.Profile.City : null);
        if (request.Latitude is null && string.IsNullOrEmpty(city))
        {
            return ([], null);
        }

        var key = request.Latitude is { } lat && request.Longitude is { } lng
            ? $"p:{Math.Round(lat, 2)}:{Math.Round(lng, 2)}"
            : "c:" + city;
        var list = lists.Get<Ranked>(key) is { } cached && ReferenceEquals(cached.State, context.State)
            ? cached.Candidates
            : Store(key, context, request.Latitude is { } la && request.Longitude is { } lo ? Around(context, la, lo, trust) : InCity(context, city!, trust));
        var size = options.Value.PageSize;
        var page = FeedCursor.TryDecode(request.Cursor, out var position) ? position.Page : 0;
        var allowed = list.Where(c => context.Allows(c.Note, evenIfSeen: true)).Skip(page * size).Take(size + 1).ToList();
        var next = allowed.Count > size ? new FeedCursor(0, page + 1).Encode() : null;
        return (allowed.Take(size).ToList(), next);
    }

    private List<Candidate> Store(string key, FeedContext context, List<Candidate> ranked)
    {
        lists.Set(key, new Ranked(context.State, ranked), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return ranked;
    }

    private List<Candidate> Around(FeedContext context, double latitude, double longitude, ICreatorTrust trust)
    {
        var radius = options.Value.NearbyRadiusKm;
        List<(NoteInfo Note, double Km)> near;
        do
        {
            near = [.. context.Catalog.Places.Around(latitude, longitude, radius).Select(i => context.Catalog.Notes[i])
                .Concat(context.State.Live.Recent.Select(l => l.Note).Where(n => n.HasPlace))
                .Select(n => (Note: n, Km: PlaceIndex.DistanceKm(latitude, longitude, n.Latitude, n.Longitude)))
                .Where(p => p.Km <= radius)];
            radius *= 2;
        }
        while (near.Count < Enough && radius <= FarthestKm);

        return Spread(near.Select(p =>
        {
            var candidate = Scored(context, p.Note, trust, distanceWeight: Math.Exp(-p.Km / 15));
            candidate.Because(ReasonKind.Distance, FeedReasons.Distance(p.Km));
            return candidate;
        }));
    }

    private List<Candidate> InCity(FeedContext context, string city, ICreatorTrust trust) =>
        Spread(context.Catalog.Places.InCity(city).Select(i => context.Catalog.Notes[i])
            .Concat(context.State.Live.Recent.Select(l => l.Note).Where(n => n.City == city))
            .Select(note =>
            {
                var candidate = Scored(context, note, trust, distanceWeight: 1);
                candidate.Because(ReasonKind.Nearby);
                return candidate;
            }));

    /// <summary>Quality (popularity and engagement) counts within a distance; a new note gets a little lift.</summary>
    private static Candidate Scored(FeedContext context, NoteInfo note, ICreatorTrust trust, double distanceWeight)
    {
        var candidate = new Candidate(note);
        var popularity = note.Index >= 0 ? context.Catalog.Popularity[note.Index] : note.Engagement;
        var quality = Math.Log(1 + popularity) / Math.Log(2 + context.Catalog.MaxPopularity);
        var freshness = Math.Pow(0.5, Math.Max(0, (context.Now - note.PublishedAt).TotalHours) / 48);
        candidate.Score = (float)((((0.3 + quality) * distanceWeight) + (0.2 * freshness)) * Math.Max(0, trust.WeightOf(note.AuthorId)));
        return candidate;
    }

    /// <summary>Best first, but a creator's extra notes wait for a later page (deterministic, so pages stay stable).</summary>
    private List<Candidate> Spread(IEnumerable<Candidate> candidates)
    {
        var ordered = candidates.Where(c => c.Score > 0).GroupBy(c => c.Note.Id).Select(g => g.First())
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Note.Id).ToList();
        var size = Math.Max(1, options.Value.PageSize);
        var result = new List<Candidate>(ordered.Count);
        var perPage = new Dictionary<(int Page, long Author), int>();
        var pending = new Queue<Candidate>(ordered);
        var deferred = new List<Candidate>();
        while (pending.Count > 0 || deferred.Count > 0)
        {
            var page = result.Count / size;
            var next = deferred.FirstOrDefault(c => perPage.GetValueOrDefault((page, c.Note.AuthorId)) < options.Value.MaxPerCreatorPerPage);
            if (next is not null)
            {
                deferred.Remove(next);
            }
            else if (pending.Count > 0)
            {
                next = pending.Dequeue();
                if (perPage.GetValueOrDefault((page, next.Note.AuthorId)) >= options.Value.MaxPerCreatorPerPage)
                {
                    deferred.Add(next);
                    continue;
                }
            }
            else
            {
                // Only one creator's notes are left: they fill the last pages.
                next = deferred[0];
                deferred.RemoveAt(0);
            }

            perPage[(page, next.Note.AuthorId)] = perPage.GetValueOrDefault((page, next.Note.AuthorId)) + 1;
            result.Add(next);
        }

        return result;
    }

    public void Dispose() => lists.Dispose();

    private sealed record Ranked(FeedState State, List<Candidate> Candidates);
}
