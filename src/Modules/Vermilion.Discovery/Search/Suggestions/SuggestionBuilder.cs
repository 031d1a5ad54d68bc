using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>The suggestion index this node answers from.</summary>
internal sealed class SuggestionHolder
{
    private volatile SuggestionIndex _current = SuggestionIndex.Empty;

    public SuggestionIndex Current
    {
        get => _current;
        set => _current = value;
    }
}

/// <summary>
/// Gathers what is worth suggesting: queries people searched (by count), titles of public notes (by the
/// engagement they drew), topics (by notes) and learned words (by frequency, weighted low: they complete a word,
/// not a thought).
/// </summary>
internal sealed class SuggestionBuilder(SearchDb db, LexiconHolder lexicon, SuggestionHolder holder)
{
    public async Task<SuggestionIndex> BuildAsync(CancellationToken cancellationToken)
    {
        var suggestions = new List<Suggestion>();
        var titles = new Dictionary<string, double>(StringComparer.Ordinal);
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var note in db.Notes.AsNoTracking().Where(n => n.Audience == NoteAudience.Public)
            .Select(n => new { n.Title, n.Topics, n.LikeCount, n.CollectCount, n.CommentCount }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (note.Title.Length > 0)
            {
                titles[note.Title] = titles.GetValueOrDefault(note.Title) + 1 + Math.Log(1 + note.LikeCount + (2.0 * note.CollectCount) + note.CommentCount);
            }

            foreach (var topic in note.Topics.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                topics[topic] = topics.GetValueOrDefault(topic) + 1;
            }
        }

        suggestions.AddRange(titles.Select(t => new Suggestion(t.Key, SuggestionKind.Title, Math.Log(1 + t.Value))));
        suggestions.AddRange(topics.Select(t => new Suggestion(t.Key, SuggestionKind.Topic, 1 + Math.Log(1 + t.Value))));
        foreach (var query in await db.Queries.AsNoTracking().Where(q => q.Count > 1).OrderByDescending(q => q.Count).Take(50_000).ToListAsync(cancellationToken))
        {
            suggestions.Add(new Suggestion(query.Text, SuggestionKind.Query, 2 + Math.Log(query.Count)));
        }

        suggestions.AddRange(lexicon.Current.Words.Where(w => w.Key.Length >= 2).Select(w => new Suggestion(w.Key, SuggestionKind.Word, 0.25 * Math.Log(1 + w.Value))));
        var index = new SuggestionIndex(suggestions, topics);
        holder.Current = index;
        return index;
    }
}
