using System.Text;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Demo;

internal sealed class DemoNote
{
    public long Id { get; init; }

    public int Author { get; init; }

    public NoteType Type { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    public int CardStyle { get; init; }

    public IReadOnlyList<DemoPicture> Pictures { get; init; } = [];

    public required string City { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public int MinutesAgo { get; init; }

    public int Likes { get; set; }

    public int Collects { get; set; }

    public int Comments { get; set; }
}

internal readonly record struct DemoEdge(int From, int To, int MinutesAgo);

internal sealed record DemoComment(long Id, int Note, int Author, string Body, int MinutesAgo, long? ParentId, int? ReplyTo)
{
    public int Replies { get; set; }
}

/// <summary>
/// The demo community worked out in memory before a single row is written: notes, follows, likes, collects and
/// comments, with every counter counted as the rows are made (so they are exact by construction). Authors and
/// notes are drawn from power laws, so a few creators and notes get most of the attention. Deterministic.
/// </summary>
internal sealed class DemoPlan
{
    public required DemoNote[] Notes { get; init; }

    public List<DemoEdge> Follows { get; } = [];

    /// <summary>Likes as (person, note index).</summary>
    public List<DemoEdge> Likes { get; } = [];

    public List<DemoEdge> Collects { get; } = [];

    public List<DemoComment> Comments { get; } = [];

    public static DemoPlan Make(int people, int notes, int interactions, IdGenerator ids, IReadOnlyList<DemoPicture>[] pictures,
        IProgress<(string Stage, int Done, int Total)>? progress)
    {
        var random = new Random(7);
        var plan = new DemoPlan { Notes = new DemoNote[notes] };
        for (var i = 0; i < notes; i++)
        {
            plan.Notes[i] = Compose(people, random, ids, pictures);
            if (i % 20_000 == 19_999)
            {
                progress?.Report(("plan notes", i + 1, notes));
            }
        }

        plan.Interact(people, interactions, random, ids, progress);
        return plan;
    }

    private static DemoNote Compose(int people, Random random, IdGenerator ids, IReadOnlyList<DemoPicture>[] pictures)
    {
        var channelIndex = random.Next(DemoTexts.Channels.Length);
        var channel = DemoTexts.Channels[channelIndex];
        var topics = channel.Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
        var first = random.Next(channel.Details.Length);
        var second = (first + 1 + random.Next(channel.Details.Length - 1)) % channel.Details.Length;
        var body = new StringBuilder()
            .Append(channel.Openings[random.Next(channel.Openings.Length)])
            .Append(channel.Details[first]).Append('。')
            .Append(channel.Details[second]).Append("。\n")
            .Append(DemoTexts.Closings[random.Next(DemoTexts.Closings.Length)])
            .Append('\n').Append(string.Join(' ', topics.Select(t => "#" + t)))
            .ToString();
        var city = DemoTexts.Cities[random.Next(DemoTexts.Cities.Length)];
        var pictured = random.NextDouble() < 0.6;
        var title = channel.Titles[random.Next(channel.Titles.Length)];
        var pool = pictures[channelIndex];
        return new DemoNote
        {
            Id = ids.Next(),
            Author = Skewed(random, people),
            Type = pictured ? NoteType.Image : NoteType.Text,
            Title = title,
            Body = body,
            Topics = topics,
            // One style per title, so the demo draws one cover per title (50) rather than one per title and style.
            CardStyle = Array.IndexOf(channel.Titles, title) % TextCards.StyleCount,
            Pictures = pictured ? [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => pool[random.Next(pool.Count)]).Distinct()] : [],
            City = city.Name,
            Latitude = city.Lat + ((random.NextDouble() - 0.5) * 0.2),
            Longitude = city.Lng + ((random.NextDouble() - 0.5) * 0.2),
            MinutesAgo = random.Next(1, 60 * 24 * 60),
        };
    }

    /// <summary>Makes exactly <paramref name="interactions"/> rows: a draw that repeats one already made is drawn again.</summary>
    private void Interact(int people, int interactions, Random random, IdGenerator ids, IProgress<(string, int, int)>? progress)
    {
        var follows = new HashSet<long>();
        var likes = new HashSet<long>();
        var collects = new HashSet<long>();
        var commentsOf = new Dictionary<int, List<int>>();
        var made = 0;
        while (made < interactions)
        {
            var who = random.Next(people);
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                var whom = Skewed(random, people);
                if (whom != who && follows.Add(Pair(who, whom)))
                {
                    Follows.Add(new DemoEdge(who, whom, random.Next(1, 60 * 24 * 60)));
                    made++;
                }
            }
            else
            {
                var index = Skewed(random, Notes.Length);
                var note = Notes[index];
                var at = random.Next(0, note.MinutesAgo);
                if (roll < 0.70)
                {
                    if (likes.Add(Pair(index, who)))
                    {
                        Likes.Add(new DemoEdge(who, index, at));
                        note.Likes++;
                        made++;
                    }
                }
                else if (roll < 0.85)
                {
                    if (collects.Add(Pair(index, who)))
                    {
                        Collects.Add(new DemoEdge(who, index, at));
                        note.Collects++;
                        made++;
                    }
                }
                else
                {
                    AddComment(index, who, at, random, ids, commentsOf);
                    made++;
                }
            }

            if (made % 100_000 == 0 && made > 0)
            {
                progress?.Report(("plan actions", made, interactions));
            }
        }
    }

    /// <summary>A comment, or one time in four a reply under an earlier comment on the same note.</summary>
    private void AddComment(int index, int who, int at, Random random, IdGenerator ids, Dictionary<int, List<int>> commentsOf)
    {
        var note = Notes[index];
        if (!commentsOf.TryGetValue(index, out var earlier))
        {
            commentsOf[index] = earlier = [];
        }

        DemoComment? parent = earlier.Count > 0 && random.Next(4) == 0 ? Comments[earlier[random.Next(earlier.Count)]] : null;
        var comment = new DemoComment(ids.Next(), index, who, DemoTexts.Comments[random.Next(DemoTexts.Comments.Length)],
            parent is null ? at : Math.Min(at, parent.MinutesAgo), parent?.Id, parent?.Author);
        if (parent is null)
        {
            earlier.Add(Comments.Count);
        }
        else
        {
            parent.Replies++;
        }

        Comments.Add(comment);
        note.Comments++;
    }

    private static long Pair(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>An index drawn from a power law: low indexes (the first people, the first notes) come up far more often.</summary>
    private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));
}
