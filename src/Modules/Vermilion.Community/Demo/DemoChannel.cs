namespace Vermilion.Community.Demo;

/// <summary>
/// What a demo note can be about inside its channel (咖啡 in 美食): the topic it is tagged and found by (and that a
/// demo product card matches), the particular things and places a note names, a price range, and titles, details
/// and facts written for it. Any of the lists may be empty; the channel's own then serve.
/// </summary>
internal sealed record DemoSubject(string Topic, string[] Things, string[] Places, int PriceLow, int PriceHigh)
{
    public string[] Titles { get; init; } = [];

    public string[] Details { get; init; } = [];

    /// <summary>Lines of facts in the style of the reference community (📍 where, 💰 how much).</summary>
    public string[] Facts { get; init; } = [];

    /// <summary>Topics written beside <see cref="Topic"/>.</summary>
    public string[] Topics { get; init; } = [];

    /// <summary>When set, these instead of the channel's (a recipe does not begin like a restaurant visit).</summary>
    public string[] Openings { get; init; } = [];

    /// <summary>When set, these instead of the channel's.</summary>
    public (string Question, string Answer)[] Asks { get; init; } = [];
}

/// <summary>
/// A channel of the demo (美食): its subjects and the phrases its notes and comments share. Phrases are templates
/// whose slots are filled per note (<see cref="DemoTheme"/>): {thing} {place} {city} {price} {n} {n1} {when} {wow} {emoji}.
/// </summary>
internal sealed record DemoChannel(string Name, DemoSubject[] Subjects)
{
    /// <summary>Which colours its drawn pictures are painted in (each channel has its own pool of pictures, captioned with its name).</summary>
    public required int Palette { get; init; }

    public required string[] Titles { get; init; }

    public required string[] Openings { get; init; }

    public required string[] Details { get; init; }

    public required string[] Facts { get; init; }

    /// <summary>Short exclamations (真的绝了), used in titles and comments.</summary>
    public required string[] Wows { get; init; }

    public required string[] Emoji { get; init; }

    /// <summary>What readers ask under a note (求链接, 人均多少) and how the author answers in a reply.</summary>
    public required (string Question, string Answer)[] Asks { get; init; }

    public required string[] Cheers { get; init; }
}
