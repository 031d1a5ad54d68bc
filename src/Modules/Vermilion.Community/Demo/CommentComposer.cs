namespace Vermilion.Community.Demo;

/// <summary>
/// Comments on a demo note about its own theme: readers ask (求链接, 人均多少, 在哪), cheer or say 同款; a question
/// gets its answer in a reply, anything else a nod of agreement.
/// </summary>
internal static class CommentComposer
{
    /// <summary>A top-level comment, and which of the theme's questions it asks (-1: none).</summary>
    public static (string Body, int Asked) TopLevel(DemoTheme theme, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.35)
        {
            var asked = random.Next(theme.Asks.Length);
            return (WithSticker(theme.Fill(theme.Asks[asked].Question), random), asked);
        }

        var cheer = roll < 0.8 ? theme.Fill(DemoTheme.Pick(theme.Of.Cheers, random)) : DemoTheme.Pick(DemoWords.Cheers, random);
        return (WithSticker(cheer, random), -1);
    }

    public static string Reply(DemoTheme theme, int asked, Random random) =>
        asked >= 0 ? WithSticker(theme.Fill(theme.Asks[asked].Answer), random) : DemoTheme.Pick(DemoWords.Agreements, random);

    private static string WithSticker(string body, Random random) =>
        !body.Contains('[', StringComparison.Ordinal) && random.NextDouble() < 0.2 ? body + DemoTheme.Pick(DemoWords.Stickers, random) : body;
}
