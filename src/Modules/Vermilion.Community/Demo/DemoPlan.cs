using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Demo;

internal sealed class DemoNote
{
    public long Id { get; init; }

    public int Author { get; init; }

    public NoteType Type { get; init; }

    public required string Title { get; init; }

    public required DemoTheme Theme { get; init; }

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

internal sealed record DemoComment(long Id, int Note, int Author, string Body, int MinutesAgo, long? ParentId, int? ReplyTo, int Asked)
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

    /// <summary>
    /// Text cards draw their title, so every one is a picture of its own; past this many, notes carry pictures
    /// (which a small pool serves), so a large community costs no more covers than a small one.
    /// </summary>
    private const int MaxTextCards = 1000;

    public static DemoPlan Make(int people, int notes, int interactions, IdGenerator ids, IReadOnlyList<DemoPicture>[] pictures,
        IProgress<(string Stage, int Done, int Total)>? progress)
    {
        var random = new Random(7);
        var composer = new NoteComposer(random);
        var plan = new DemoPlan { Notes = new DemoNote[notes] };
        var textCards = 0;
        for (var i = 0; i < notes; i++)
        {
            var note = plan.Notes[i] = Compose(people, random, ids, composer, pictures, textCards < MaxTextCards);
            textCards += note.Pictures.Count == 0 ? 1 : 0;
            if (i % 20_000 == 19_999)
            {
                progress?.Report(("plan notes", i + 1, notes));
            }
        }

        plan.Interact(people, interactions, random, ids, progress);
        return plan;
    }

    private static DemoNote Compose(int people, Random random, IdGenerator ids, NoteComposer composer, IReadOnlyList<DemoPicture>[] pictures, bool mayBeText)
    {
        var channel = random.Next(DemoTexts.Channels.Length);
        var (theme, title) = composer.Draw(channel);
        var topics = composer.Topics(theme);
        var body = composer.Body(theme, topics);
        var city = DemoWords.Cities.First(c => c.Name == theme.City);
        var pictured = !mayBeText || random.NextDouble() < 0.8;
        var pool = pictures[channel];
        return new DemoNote
        {
            Id = ids.Next(),
            Author = Skewed(random, people),
            Type = pictured ? NoteType.Image : NoteType.Text,
            Title = title,
            Theme = theme,
            Body = body,
            Topics = topics,
            CardStyle = random.Next(TextCards.StyleCount),
            Pictures = pictured ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => pool[random.Next(pool.Count)]).Distinct()] : [],
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

    /// <summary>
    /// A comment on the note's theme, or one time in four a reply under an earlier comment on the same note: a
    /// question is mostly answered by the note's author, anything else gets a nod from whoever came by.
    /// </summary>
    private void AddComment(int index, int who, int at, Random random, IdGenerator ids, Dictionary<int, List<int>> commentsOf)
    {
        var note = Notes[index];
        if (!commentsOf.TryGetValue(index, out var earlier))
        {
            commentsOf[index] = earlier = [];
        }

        DemoComment? parent = earlier.Count > 0 && random.Next(4) == 0 ? Comments[earlier[random.Next(earlier.Count)]] : null;
        DemoComment comment;
        if (parent is null)
        {
            var (body, asked) = CommentComposer.TopLevel(note.Theme, random);
            comment = new DemoComment(ids.Next(), index, who, body, at, null, null, asked);
            earlier.Add(Comments.Count);
        }
        else
        {
            var author = parent.Asked >= 0 && note.Author != parent.Author && random.NextDouble() < 0.6 ? note.Author : who;
            comment = new DemoComment(ids.Next(), index, author, CommentComposer.Reply(note.Theme, parent.Asked, random),
                Math.Min(at, parent.MinutesAgo), parent.Id, parent.Author, -1);
            parent.Replies++;
        }

        Comments.Add(comment);
        note.Comments++;
    }

    private static long Pair(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>An index drawn from a power law: low indexes (the first people, the first notes) come up far more often.</summary>
    private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));
}
