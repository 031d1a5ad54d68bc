using System.Globalization;
using System.Text;
using Vermilion.Community.Notes;

namespace Vermilion.Community.Demo;

/// <summary>
/// Writes each demo note's title and body from its theme, like a person would: a title of their own (never one
/// another note already has, so no feed page shows the same title twice), an opening, two or three details, a few
/// facts, a closing and the topics. Deterministic for a given sequence of draws.
/// </summary>
internal sealed class NoteComposer(Random random)
{
    /// <summary>Fresh draws before a title is told apart by a series number, as people number their sequels.</summary>
    private const int Attempts = 24;

    private readonly HashSet<string> titles = new(StringComparer.Ordinal);

    public int Sequels { get; private set; }

    /// <summary>A theme in the channel and a title no other note has.</summary>
    public (DemoTheme Theme, string Title) Draw(int channel)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var theme = DemoTheme.Draw(channel, random);
            var title = Title(theme);
            if (Length(title) <= Note.TitleMax && titles.Add(title))
            {
                return (theme, title);
            }
        }

        while (true)
        {
            var theme = DemoTheme.Draw(channel, random);
            var title = Title(theme);
            for (var number = 2; Length(title) + 5 <= Note.TitleMax && number < 100; number++)
            {
                var sequel = title + string.Create(CultureInfo.InvariantCulture, $"｜第{number}弹");
                if (titles.Add(sequel))
                {
                    Sequels++;
                    return (theme, sequel);
                }
            }
        }
    }

    public string Body(DemoTheme theme, IReadOnlyList<string> topics)
    {
        var (channel, subject) = (theme.Of, theme.About);
        var body = new StringBuilder(160).Append(theme.Fill(DemoTheme.Pick(theme.Openings, random)));
        // One detail of the subject's own when it has some, then one or two more of the subject's or the channel's.
        var count = subject.Details.Length + channel.Details.Length;
        var first = random.Next(subject.Details.Length > 0 ? subject.Details.Length : count);
        Span<bool> used = stackalloc bool[count];
        used[first] = true;
        body.Append(theme.Fill(Detail(first))).Append('。');
        for (var more = random.Next(1, 3); more > 0;)
        {
            var next = random.Next(count);
            if (!used[next])
            {
                used[next] = true;
                body.Append(theme.Fill(Detail(next))).Append('。');
                more--;
            }
        }

        string Detail(int index) => index < subject.Details.Length ? subject.Details[index] : channel.Details[index - subject.Details.Length];

        var facts = subject.Facts.Length > 0 ? subject.Facts : channel.Facts;
        if (random.NextDouble() < 0.6)
        {
            body.Append("\n\n").Append(theme.Fill(DemoTheme.Pick(facts, random)));
        }

        var closing = DemoTheme.Pick(DemoWords.Closings, random);
        body.Append('\n');
        if (closing.Length > 0)
        {
            body.Append('\n').Append(closing);
        }

        return body.Append('\n').AppendJoin(' ', topics.Select(t => "#" + t)).ToString();
    }

    /// <summary>The channel's and the subject's topics, always (they place the note and match its product card), and one time in two one more.</summary>
    public List<string> Topics(DemoTheme theme)
    {
        var subject = theme.About;
        List<string> topics = [theme.Of.Name, subject.Topic];
        if (subject.Topics.Length > 0 && random.Next(2) == 0 && DemoTheme.Pick(subject.Topics, random) is var more && !topics.Contains(more))
        {
            topics.Add(more);
        }

        return topics;
    }

    /// <summary>
    /// Characters as a reader counts them, cheaply: a surrogate pair or an emoji's presentation selector adds
    /// nothing. Never less than <see cref="NoteText.Length"/> for the demo's words, so a title that fits here fits there.
    /// </summary>
    private static int Length(string text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += char.IsLowSurrogate(c) || c == '\uFE0F' ? 0 : 1;
        }

        return length;
    }

    private string Title(DemoTheme theme)
    {
        var subject = theme.About;
        var templates = subject.Titles.Length > 0 && random.NextDouble() < 0.65 ? subject.Titles : theme.Of.Titles;
        var title = theme.Fill(DemoTheme.Pick(templates, random));
        if (random.NextDouble() < 0.25)
        {
            title = DemoTheme.Pick(DemoWords.Prefixes, random) + title;
        }

        if (char.IsLetterOrDigit(title[^1]) && random.NextDouble() < 0.4)
        {
            title += theme.Emoji;
        }

        return title;
    }
}
