using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// Features: what every candidate is (popularity, age, engagement, video) and how it fits this person (their
/// taste vector from the notes they liked and the interests they picked, their channels, their authors, their
/// city, whom they follow); then the ranker's score, weighted by how much the platform trusts the creator.
/// </summary>
internal static class CandidateFeatures
{
    private static readonly float MaxEngagementLog = MathF.Log(1 + 1000);

    public static void Score(FeedContext context, IEnumerable<Candidate> candidates, ICreatorTrust trust, double[] blend)
    {
        var taste = TasteOf(context);
        var (channels, authors, liked) = AffinitiesOf(context);
        var interests = CandidateRecall.InterestsOf(context).ToHashSet(StringComparer.Ordinal);
        var interestChannels = interests.Select(context.Catalog.Channels.OfTopic).Where(c => c >= 0).ToHashSet();
        var popularityScale = MathF.Log(1 + Math.Max(1f, context.Catalog.MaxPopularity));
        foreach (var candidate in candidates)
        {
            var note = candidate.Note;
            var f = candidate.Features;
            var popularity = note.Index >= 0 ? context.Catalog.Popularity[note.Index] : note.Engagement;
            f[FeedFeatures.Trending] = Math.Min(1f, MathF.Log(1 + popularity) / popularityScale);
            f[FeedFeatures.Freshness] = (float)Math.Pow(0.5, Math.Max(0, (context.Now - note.PublishedAt).TotalHours) / 24);
            f[FeedFeatures.Engagement] = Math.Min(1f, MathF.Log(1 + note.Engagement) / MaxEngagementLog);
            f[FeedFeatures.Video] = note.IsVideo ? 1 : 0;
            f[FeedFeatures.Following] = context.Profile.Following.Contains(note.AuthorId) ? 1 : f[FeedFeatures.Following];
            f[FeedFeatures.SameCity] = context.Profile.City.Length > 0 && note.City == context.Profile.City ? 1 : 0;
            if (taste is not null)
            {
                var vector = note.Index >= 0 ? context.Catalog.VectorOf(note.Index) : context.State.Live.Find(note.Id)?.Vector ?? [];
                f[FeedFeatures.Taste] = vector.IsEmpty ? 0 : Math.Max(0, ContentVectors.Similarity(taste, vector));
            }

            f[FeedFeatures.Interest] = interestChannels.Contains(note.Channel) || note.Topics.Any(interests.Contains) ? 1 : 0;
            f[FeedFeatures.ChannelAffinity] = liked > 0 && note.Channel >= 0 ? channels.GetValueOrDefault(note.Channel) / liked : 0;
            f[FeedFeatures.AuthorAffinity] = Math.Min(1f, authors.GetValueOrDefault(note.AuthorId) / 3f);

            var weight = trust.WeightOf(note.AuthorId);
            candidate.Score = weight <= 0 ? float.NegativeInfinity : context.Model.Ranker.Score(f, blend) * (float)weight;
        }
    }

    /// <summary>The person's taste as one content vector: liked notes, newest weighing most, plus their picked interests.</summary>
    private static float[]? TasteOf(FeedContext context)
    {
        if (context.Viewer is null)
        {
            return null;
        }

        var taste = new float[ContentVectors.Dimensions];
        var weight = 1f;
        var any = false;
        foreach (var (index, _, strength) in CandidateRecall.RecentLikes(context).Take(20))
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(context.Catalog.VectorOf(index), weight * strength, taste, taste);
            weight *= 0.9f;
            any = true;
        }

        foreach (var interest in CandidateRecall.InterestsOf(context))
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(ContentVectors.Of("", "", [interest], null), 0.5f, taste, taste);
            any = true;
        }

        if (!any)
        {
            return null;
        }

        ContentVectors.Normalize(taste);
        return taste;
    }

    private static (Dictionary<int, float> Channels, Dictionary<long, float> Authors, float Total) AffinitiesOf(FeedContext context)
    {
        var channels = new Dictionary<int, float>();
        var authors = new Dictionary<long, float>();
        var total = 0f;
        foreach (var (index, _, strength) in CandidateRecall.RecentLikes(context).Take(30))
        {
            var note = context.Catalog.Notes[index];
            if (note.Channel >= 0)
            {
                channels[note.Channel] = channels.GetValueOrDefault(note.Channel) + strength;
            }

            authors[note.AuthorId] = authors.GetValueOrDefault(note.AuthorId) + 1;
            total += strength;
        }

        return (channels, authors, total);
    }
}
