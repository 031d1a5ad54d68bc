using System.Text;
using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Boards;
using Vermilion.Community.Comments;
using Vermilion.Community.Contracts;
using Vermilion.Community.Follows;
using Vermilion.Community.Likes;
using Vermilion.Community.Notes;
using Vermilion.Community.Topics;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Demo;

/// <summary>
/// Demo notes and interactions with realistic skew: authors and notes are drawn from power laws, so a few
/// creators and notes get most of the attention. Counters are recomputed from the rows at the end, so they
/// are exact. Deterministic for a given size.
/// </summary>
internal sealed class DemoContent(CommunityDb db, IdGenerator ids, TimeProvider clock, IMediaStore media) : IDemoCommunity
{
    private const int Batch = 5000;

    public async Task<int> EnsureAsync(IReadOnlyList<long> people, int notes, int interactions, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var existing = await db.Notes.CountAsync(cancellationToken);
        if (existing > 0 || people.Count < 2)
        {
            return existing;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(7);
        var now = clock.GetUtcNow();
        var covers = new Dictionary<string, string>(StringComparer.Ordinal);
        var noteIds = new long[notes];
        var authors = new long[notes];
        for (var i = 0; i < notes; i++)
        {
            var note = await ComposeAsync(people, random, now, covers, cancellationToken);
            noteIds[i] = note.Id;
            authors[i] = note.AuthorId;
            await FlushAsync(i, notes, "notes", progress, cancellationToken);
        }

        await SaveAsync(cancellationToken);
        await InteractAsync(people, noteIds, authors, interactions, random, now, progress, cancellationToken);
        await RecountAsync(cancellationToken);
        return notes;
    }

    private async Task<Note> ComposeAsync(IReadOnlyList<long> people, Random random, DateTimeOffset now, Dictionary<string, string> covers, CancellationToken cancellationToken)
    {
        var channel = DemoTexts.Channels[random.Next(DemoTexts.Channels.Length)];
        var title = channel.Titles[random.Next(channel.Titles.Length)];
        var topics = channel.Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
        var body = new StringBuilder()
            .Append(channel.Openings[random.Next(channel.Openings.Length)])
            .Append(channel.Details[random.Next(channel.Details.Length)]).Append('。')
            .Append(channel.Details[random.Next(channel.Details.Length)]).Append("。\n")
            .Append(DemoTexts.Closings[random.Next(DemoTexts.Closings.Length)])
            .Append('\n').Append(string.Join(' ', topics.Select(t => "#" + t)))
            .ToString();
        var style = random.Next(TextCards.StyleCount);
        var coverId = title + "|" + style;
        if (!covers.TryGetValue(coverId, out var key))
        {
            covers[coverId] = key = await media.SaveAsync(Encoding.UTF8.GetBytes(TextCards.Render(title, "", style)), "svg", cancellationToken);
        }

        var city = Cities[random.Next(Cities.Length)];
        var note = new Note
        {
            Id = ids.Next(),
            AuthorId = people[Skewed(random, people.Count)],
            Type = NoteType.Text,
            Title = title,
            Body = body,
            CardStyle = style,
            City = city.Name,
            Latitude = city.Lat + ((random.NextDouble() - 0.5) * 0.2),
            Longitude = city.Lng + ((random.NextDouble() - 0.5) * 0.2),
            Privacy = Privacy.Public,
            Status = NoteStatus.Published,
            PublishAt = now.AddMinutes(-random.Next(1, 60 * 24 * 60)),
            CreatedAt = now,
            CoverKey = key,
            CoverWidth = TextCards.Width,
            CoverHeight = TextCards.Height,
        };
        db.Notes.Add(note);
        db.NoteTopics.AddRange(topics.Select(t => new NoteTopic { NoteId = note.Id, Topic = t }));
        return note;
    }

    private async Task InteractAsync(IReadOnlyList<long> people, long[] noteIds, long[] authors, int interactions, Random random, DateTimeOffset now,
        IProgress<(string, int, int)>? progress, CancellationToken cancellationToken)
    {
        var follows = new HashSet<(long, long)>();
        var likes = new HashSet<(long, long)>();
        var collected = new HashSet<(long, long)>();
        var boards = new Dictionary<long, long>();
        for (var i = 0; i < interactions; i++)
        {
            var who = people[random.Next(people.Count)];
            var at = now.AddMinutes(-random.Next(1, 60 * 24 * 30));
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                var whom = people[Skewed(random, people.Count)];
                if (whom != who && follows.Add((who, whom)))
                {
                    db.Follows.Add(new Follow { FollowerId = who, FolloweeId = whom, CreatedAt = at });
                }
            }
            else
            {
                var n = Skewed(random, noteIds.Length);
                var noteId = noteIds[n];
                if (roll < 0.70 && likes.Add((noteId, who)))
                {
                    db.Likes.Add(new NoteLike { NoteId = noteId, UserId = who, CreatedAt = at });
                }
                else if (roll < 0.85 && collected.Add((who, noteId)))
                {
                    if (!boards.TryGetValue(who, out var board))
                    {
                        boards[who] = board = ids.Next();
                        db.Boards.Add(new Board { Id = board, OwnerId = who, Name = "", IsDefault = true, CreatedAt = at });
                    }

                    db.BoardItems.Add(new BoardItem { BoardId = board, NoteId = noteId, UserId = who, CreatedAt = at });
                }
                else if (roll >= 0.85)
                {
                    db.Comments.Add(new Comment
                    {
                        Id = ids.Next(),
                        NoteId = noteId,
                        AuthorId = who,
                        Body = DemoTexts.Comments[random.Next(DemoTexts.Comments.Length)],
                        CreatedAt = at,
                    });
                }
            }

            await FlushAsync(i, interactions, "interactions", progress, cancellationToken);
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>Sets every counter from the rows it counts: the demo data is as exact as the live path keeps it.</summary>
    private async Task RecountAsync(CancellationToken cancellationToken)
    {
        string[] statements =
        [
            "UPDATE community_notes SET like_count = (SELECT COUNT(*) FROM community_likes l WHERE l.note_id = community_notes.id), collect_count = (SELECT COUNT(*) FROM community_board_items b WHERE b.note_id = community_notes.id), comment_count = (SELECT COUNT(*) FROM community_comments c WHERE c.note_id = community_notes.id AND c.deleted_at IS NULL)",
            "UPDATE community_boards SET note_count = (SELECT COUNT(*) FROM community_board_items i WHERE i.board_id = community_boards.id)",
            "INSERT INTO community_topics (name, note_count, created_at) SELECT topic, COUNT(*), MIN(n.created_at) FROM community_note_topics t JOIN community_notes n ON n.id = t.note_id WHERE true GROUP BY topic ON CONFLICT DO NOTHING",
            "INSERT INTO community_user_stats (user_id, following, followers, likes_received, collects_received, notes) SELECT DISTINCT author_id, 0, 0, 0, 0, 0 FROM community_notes WHERE true ON CONFLICT DO NOTHING",
            "INSERT INTO community_user_stats (user_id, following, followers, likes_received, collects_received, notes) SELECT DISTINCT follower_id, 0, 0, 0, 0, 0 FROM community_follows WHERE true ON CONFLICT DO NOTHING",
            "INSERT INTO community_user_stats (user_id, following, followers, likes_received, collects_received, notes) SELECT DISTINCT followee_id, 0, 0, 0, 0, 0 FROM community_follows WHERE true ON CONFLICT DO NOTHING",
            "UPDATE community_user_stats SET following = (SELECT COUNT(*) FROM community_follows f WHERE f.follower_id = community_user_stats.user_id), followers = (SELECT COUNT(*) FROM community_follows f WHERE f.followee_id = community_user_stats.user_id), notes = (SELECT COUNT(*) FROM community_notes n WHERE n.author_id = community_user_stats.user_id AND n.status = 2), likes_received = (SELECT COALESCE(SUM(n.like_count), 0) FROM community_notes n WHERE n.author_id = community_user_stats.user_id AND n.status = 2), collects_received = (SELECT COALESCE(SUM(n.collect_count), 0) FROM community_notes n WHERE n.author_id = community_user_stats.user_id AND n.status = 2)",
        ];
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    private async Task FlushAsync(int i, int total, string stage, IProgress<(string, int, int)>? progress, CancellationToken cancellationToken)
    {
        if (i % Batch == Batch - 1)
        {
            await SaveAsync(cancellationToken);
            progress?.Report((stage, i + 1, total));
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>An index drawn from a power law: low indexes (the first people, the first notes) come up far more often.</summary>
    private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));

    private static readonly (string Name, double Lat, double Lng)[] Cities =
    [
        ("北京", 39.9042, 116.4074), ("上海", 31.2304, 121.4737), ("广州", 23.1291, 113.2644), ("深圳", 22.5431, 114.0579),
        ("杭州", 30.2741, 120.1551), ("成都", 30.5728, 104.0668), ("重庆", 29.5630, 106.5516), ("武汉", 30.5928, 114.3055),
        ("西安", 34.3416, 108.9398), ("南京", 32.0603, 118.7969), ("长沙", 28.2282, 112.9388), ("厦门", 24.4798, 118.0894),
    ];
}
