using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Signals;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// The personalized discovery feed (发现) behind the home page's 推荐 tab and its channels, and the nearby feed
/// (同城). A first page starts a session: recall from several sources, features, the multi-objective ranker; every
/// page is then re-ranked for diversity from what is left, after dropping whatever the person has since seen,
/// muted or blocked, so "not interested" shows on the very next page. Each note carries its reason.
/// </summary>
internal sealed class DiscoveryFeed(
    FeedStateHolder holder, FeedSessions sessions, ViewerActivity activity, ViewerContextCache viewers, AuthorNames names,
    IUserDirectory users, ISocialGraph graph, IEnumerable<ICreatorTrust> trusts, AnonymousFeed anonymous, NearbyFeed nearby, RankingAhead ahead, FeedMetrics metrics,
    IOptions<FeedOptions> options, IStringLocalizer text, TimeProvider clock) : INoteRecommender
{
    public const string Recommend = "recommend";

    private readonly ICreatorTrust trust = trusts.LastOrDefault() ?? NeutralTrust.Instance;

    public IReadOnlyList<(string Key, string Label)> Channels =>
        [(Recommend, text["discovery.channel.recommend"]), .. options.Value.EffectiveChannels.Select(c => (c.Key, ChannelLabel(c)))];

    public async Task<RecommendedPage> PageAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (holder.Current is not { } state)
        {
            return new RecommendedPage([], null);
        }

        var now = clock.GetUtcNow();
        var settings = options.Value;
        var profile = request.Viewer is { } someone ? await viewers.GetAsync(someone, users, graph, cancellationToken) : ViewerProfile.Nobody;
        var log = request.Viewer is { } me ? activity.For(me) : null;
        var muting = Muting.For(log, state, settings.NotInterestedFor, now);
        if (request.Feed == "nearby")
        {
            var near = new FeedContext(state, request.Viewer, profile, log, -1, muting, settings, now);
            return await TextAsync(nearby.Page(near, request, trust), state, cancellationToken);
        }

        var channel = ChannelOf(request.Channel, state);
        var context = new FeedContext(state, request.Viewer, profile, log, channel, muting, settings, now);
        if (request.Viewer is not { } viewer)
        {
            return await TextAsync(anonymous.Page(context, request.Cursor, trust), state, cancellationToken);
        }

        var session = FeedCursor.TryDecode(request.Cursor, out var cursor) ? sessions.Find(viewer, cursor.Session) : null;
        session ??= await StartAsync(viewer, "discover:" + request.Channel, context, log!, trust, cancellationToken);

        List<Candidate> page;
        lock (session.Gate)
        {
            // What was muted or seen since the last page goes now; a session running dry recalls again, and once
            // nothing new is left, offers again what the person only saw go by.
            var allowing = session.Repeats ? context.Repeating() : context;
            session.Remaining.RemoveAll(c => !allowing.Allows(c.Note));
            if (session.Remaining.Count < settings.PageSize && session.Pages > 0)
            {
                var known = session.Remaining.Select(c => c.Note.Id).ToHashSet();
                session.Remaining.AddRange(FeedRanking.Rank(allowing, trust, known));
            }

            if (session.Remaining.Count < settings.PageSize && !session.Repeats)
            {
                session.Repeats = true;
                var known = session.Remaining.Select(c => c.Note.Id).Concat(session.ServedNotes).ToHashSet();
                session.Remaining.AddRange(FeedRanking.Rank(context.Repeating(), trust, known));
            }

            page = DiversityReranker.Select(session.Remaining, session.Rerank, settings.PageSize, settings, FeedRanking.KindOf(context));
            session.Served(page);
            session.Pages++;
        }

        log!.Serve(page.Select(c => c.Note.Id));
        sessions.Keep(viewer, session);
        var next = page.Count < settings.PageSize ? null : new FeedCursor(session.Id, session.Pages).Encode();
        return await TextAsync((page, next), state, cancellationToken);
    }

    /// <summary>
    /// A first page starts a session. Its candidates are ranked afresh, unless the person's previous session of this
    /// feed was ranked moments ago by the same trained model from the same taste (nothing liked, opened, searched
    /// or muted since, no new note by someone they follow) and still holds a few pages: then a refresh continues
    /// that ranking, as its next page would, and what was already served is filtered out as on any page. A ranking
    /// made ahead (<see cref="RankingAhead"/>) under the same conditions takes over when the one it succeeds runs dry
    /// (waited for if it is still being made).
    /// </summary>
    private async Task<FeedSession> StartAsync(long viewer, string feed, FeedContext context, ViewerLog log, ICreatorTrust creatorTrust, CancellationToken cancellationToken)
    {
        var previous = sessions.Latest(viewer, feed);
        var session = sessions.Start(viewer, feed);
        var taste = log.TasteVersion;
        if (previous is not null && Continues(context, previous.Ranked, taste))
        {
            lock (previous.Gate)
            {
                if (previous.Remaining.Count >= 2 * options.Value.PageSize)
                {
                    session.Remaining = [.. previous.Remaining];
                    session.Ranked = previous.Ranked;
                    session.Prepared = previous.Prepared ?? (session.Remaining.Count < options.Value.RankAheadPages * options.Value.PageSize
                        ? ahead.Start(context, creatorTrust, taste)
                        : null);
                    metrics.Continued();
                    return session;
                }
            }
        }

        // A ranking already under way is waited for rather than made a second time.
        if (previous?.Prepared is { } prepared && Continues(context, prepared.Stamp, taste)
            && await prepared.Candidates.WaitAsync(cancellationToken) is { } ranked)
        {
            session.Remaining = [.. ranked];
            session.Ranked = prepared.Stamp;
            metrics.RankedAhead();
            return session;
        }

        session.Remaining = FeedRanking.Rank(context, creatorTrust);
        session.Ranked = new RankingStamp(context.Now, context.State, taste);
        metrics.RankedWhileWaiting();
        return session;
    }

    /// <summary>Whether a ranking so stamped may still serve this first page.</summary>
    private bool Continues(FeedContext context, RankingStamp ranked, long taste) =>
        ranked.Model == context.State && ranked.TasteVersion == taste && context.Now - ranked.At < options.Value.RankingReuse
        && !FollowedPublishedSince(context, ranked.At);

    /// <summary>Whether someone the person follows published since: their new note must reach the next first page.</summary>
    private static bool FollowedPublishedSince(FeedContext context, DateTimeOffset since)
    {
        foreach (var live in context.State.Live.Recent)
        {
            if (live.Note.PublishedAt <= since)
            {
                return false;
            }

            if (context.Profile.Following.Contains(live.Note.AuthorId))
            {
                return true;
            }
        }

        return false;
    }

    private int ChannelOf(string key, FeedState state)
    {
        if (string.IsNullOrEmpty(key) || key == Recommend)
        {
            return -1;
        }

        var index = state.Catalog.Channels.IndexOf(key);
        return index >= 0 ? index : throw new BadHttpRequestException(text["discovery.channel.unknown", key], StatusCodes.Status400BadRequest);
    }

    /// <summary>Turns each reason into a line in the reader's language; followed authors are named.</summary>
    private async Task<RecommendedPage> TextAsync((IReadOnlyList<Candidate> Page, string? Next) result, FeedState state, CancellationToken cancellationToken)
    {
        var followed = result.Page.Where(c => c.Reason == ReasonKind.Following).Select(c => c.Note.AuthorId).Distinct().ToList();
        var known = followed.Count > 0 ? await names.FindAsync(followed, users, cancellationToken) : new Dictionary<long, string>();
        var notes = result.Page.Select(c => new RecommendedNote(c.Note.Id, FeedReasons.Text(text, c.Reason, c.Reason switch
        {
            ReasonKind.Following => known.GetValueOrDefault(c.Note.AuthorId),
            ReasonKind.Interest or ReasonKind.ChannelTrending => TopicLabel(c.ReasonArgument, state),
            _ => c.ReasonArgument,
        }))).ToList();
        return new RecommendedPage(notes, result.Next);
    }

    /// <summary>A channel's topic reads as the channel's name in the reader's language (美食 → Food).</summary>
    private string? TopicLabel(string? topic, FeedState state)
    {
        var channels = state.Catalog.Channels.Channels;
        var channel = channels.FirstOrDefault(c => c.Topic == topic);
        return channel is null ? topic : ChannelLabel(channel);
    }

    private string ChannelLabel(ChannelDefinition channel)
    {
        var label = text["discovery.channel." + channel.Key];
        return label.ResourceNotFound ? channel.Topic : label.Value;
    }
}

/// <summary>Every creator neutral, until the trust module says otherwise.</summary>
internal sealed class NeutralTrust : ICreatorTrust
{
    public static NeutralTrust Instance { get; } = new();

    public double WeightOf(long creatorId) => 1;
}
