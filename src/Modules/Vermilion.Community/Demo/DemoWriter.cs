using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Demo;

/// <summary>Writes a <see cref="DemoPlan"/> with bulk inserts, table by table, counters included.</summary>
internal sealed class DemoWriter(CommunityDb db, IdGenerator ids, DateTimeOffset now, IReadOnlyList<long> people, IProgress<(string Stage, int Done, int Total)>? progress)
{
    public async Task WriteAsync(DemoPlan plan, IReadOnlyDictionary<(string Title, int Style), Vermilion.Kernel.Media.StoredPicture> textCovers, CancellationToken cancellationToken)
    {
        var notes = plan.Notes;
        await WriteAsync("notes", "community_notes",
            ["id", "author_id", "type", "title", "body", "card_style", "city", "place", "latitude", "longitude", "privacy", "status", "publish_at", "created_at",
             "edited_at", "cover_key", "cover_color", "cover_width", "cover_height", "duration_seconds", "pinned_comment_id", "like_count", "collect_count", "comment_count"],
            notes.Select(n =>
            {
                var text = n.Pictures.Count == 0 ? textCovers[(n.Title, n.CardStyle)] : null;
                var cover = text is null ? (n.Pictures[0].Key, n.Pictures[0].Color, n.Pictures[0].Width, n.Pictures[0].Height) : (text.Key, text.Color, TextCards.Width, TextCards.Height);
                return new object?[]
                {
                    n.Id, people[n.Author], (int)n.Type, n.Title, n.Body, n.CardStyle, n.City, "", n.Latitude, n.Longitude, (int)Privacy.Public, (int)NoteStatus.Published,
                    At(n.MinutesAgo), At(n.MinutesAgo), null, cover.Item1, cover.Item2, cover.Item3, cover.Item4, 0, null, n.Likes, n.Collects, n.Comments,
                };
            }), notes.Length, cancellationToken);
        var media = notes.SelectMany(n => n.Pictures.Select((p, i) => new object?[] { n.Id, i, p.Key, null, p.Color, p.Width, p.Height })).ToList();
        await WriteAsync("pictures", "community_note_media", ["note_id", "position", "media_key", "poster_key", "color", "width", "height"], media, media.Count, cancellationToken);
        var topics = notes.SelectMany(n => n.Topics.Select(t => new object?[] { n.Id, t })).ToList();
        await WriteAsync("note topics", "community_note_topics", ["note_id", "topic"], topics, topics.Count, cancellationToken);
        var topicCounts = notes.SelectMany(n => n.Topics).GroupBy(t => t, StringComparer.Ordinal).Select(g => new object?[] { g.Key, g.Count(), now.UtcDateTime }).ToList();
        await WriteAsync("topics", "community_topics", ["name", "note_count", "created_at"], topicCounts, topicCounts.Count, cancellationToken);

        await WriteAsync("follows", "community_follows", ["follower_id", "followee_id", "created_at"],
            plan.Follows.Select(f => new object?[] { people[f.From], people[f.To], At(f.MinutesAgo) }), plan.Follows.Count, cancellationToken);
        await WriteAsync("likes", "community_likes", ["note_id", "user_id", "created_at"],
            plan.Likes.Select(l => new object?[] { notes[l.To].Id, people[l.From], At(l.MinutesAgo) }), plan.Likes.Count, cancellationToken);
        await WriteCollectsAsync(plan, cancellationToken);
        await WriteAsync("comments", "community_comments",
            ["id", "note_id", "author_id", "parent_id", "reply_to_user_id", "body", "image_key", "like_count", "reply_count", "created_at", "deleted_at"],
            plan.Comments.Select(c => new object?[]
            {
                c.Id, notes[c.Note].Id, people[c.Author], c.ParentId, c.ReplyTo is { } r ? people[r] : null, c.Body, null, 0, c.Replies, At(c.MinutesAgo), null,
            }), plan.Comments.Count, cancellationToken);
        await WriteStatsAsync(plan, cancellationToken);
    }

    /// <summary>Everyone who collects gets their default board, holding what they collected.</summary>
    private async Task WriteCollectsAsync(DemoPlan plan, CancellationToken cancellationToken)
    {
        var boards = new Dictionary<int, (long Id, int Count)>();
        foreach (var collect in plan.Collects)
        {
            boards[collect.From] = boards.TryGetValue(collect.From, out var board) ? (board.Id, board.Count + 1) : (ids.Next(), 1);
        }

        await WriteAsync("boards", "community_boards", ["id", "owner_id", "name", "is_private", "is_default", "note_count", "created_at"],
            boards.Select(b => new object?[] { b.Value.Id, people[b.Key], "", false, true, b.Value.Count, now.UtcDateTime }), boards.Count, cancellationToken);
        await WriteAsync("collects", "community_board_items", ["board_id", "note_id", "user_id", "created_at"],
            plan.Collects.Select(c => new object?[] { boards[c.From].Id, plan.Notes[c.To].Id, people[c.From], At(c.MinutesAgo) }), plan.Collects.Count, cancellationToken);
    }

    private async Task WriteStatsAsync(DemoPlan plan, CancellationToken cancellationToken)
    {
        var stats = new int[people.Count, 5];
        foreach (var f in plan.Follows)
        {
            stats[f.From, 0]++;
            stats[f.To, 1]++;
        }

        foreach (var n in plan.Notes)
        {
            (stats[n.Author, 2], stats[n.Author, 3], stats[n.Author, 4]) = (stats[n.Author, 2] + n.Likes, stats[n.Author, 3] + n.Collects, stats[n.Author, 4] + 1);
        }

        await WriteAsync("counters", "community_user_stats", ["user_id", "following", "followers", "likes_received", "collects_received", "notes"],
            Enumerable.Range(0, people.Count).Select(i => new object?[] { people[i], stats[i, 0], stats[i, 1], stats[i, 2], stats[i, 3], stats[i, 4] }),
            people.Count, cancellationToken);
    }

    private async Task WriteAsync(string stage, string table, string[] columns, IEnumerable<object?[]> rows, int total, CancellationToken cancellationToken)
    {
        var done = 0;
        IEnumerable<object?[]> Counted()
        {
            foreach (var row in rows)
            {
                if (++done % 50_000 == 0)
                {
                    progress?.Report((stage, done, total));
                }

                yield return row;
            }
        }

        await BulkInsert.WriteAsync(db, table, columns, Counted(), cancellationToken);
        progress?.Report((stage, total, total));
    }

    private DateTime At(int minutesAgo) => now.AddMinutes(-minutesAgo).UtcDateTime;
}
