using System.Globalization;
using System.Text;

namespace Vermilion.Community.Demo;

/// <summary>
/// What one demo note is about, drawn once when it is planned: its channel and subject, the thing and place it
/// names, its city, a price and a small number. Its title, body and comments are all filled from it, so they agree.
/// </summary>
internal sealed record DemoTheme(int Channel, int Subject, string Thing, string Place, string City, int Price, int N, string When, string Wow, string Emoji)
{
    public DemoChannel Of => DemoTexts.Channels[Channel];

    public DemoSubject About => Of.Subjects[Subject];

    public string[] Openings => About.Openings.Length > 0 ? About.Openings : Of.Openings;

    public (string Question, string Answer)[] Asks => About.Asks.Length > 0 ? About.Asks : Of.Asks;

    public static DemoTheme Draw(int channel, Random random)
    {
        var of = DemoTexts.Channels[channel];
        var subject = random.Next(of.Subjects.Length);
        var about = of.Subjects[subject];
        return new DemoTheme(
            channel,
            subject,
            Pick(about.Things, random),
            about.Places.Length > 0 ? Pick(about.Places, random) : "",
            Pick(DemoWords.Cities, random).Name,
            PriceBetween(about.PriceLow, about.PriceHigh, random),
            random.Next(3, 9),
            Pick(DemoWords.Whens, random),
            Pick(of.Wows, random),
            Pick(of.Emoji, random));
    }

    /// <summary>The template with its slots ({thing}, {city}, ...) filled; an unknown slot is left as written.</summary>
    public string Fill(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 16);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var slot = template.AsSpan(open + 1, close - open - 1);
            switch (slot)
            {
                case "thing": text.Append(Thing); break;
                case "place": text.Append(Place); break;
                case "city": text.Append(City); break;
                case "price": text.Append(Price.ToString(CultureInfo.InvariantCulture)); break;
                case "n": text.Append(N.ToString(CultureInfo.InvariantCulture)); break;
                case "n1": text.Append((N - 1).ToString(CultureInfo.InvariantCulture)); break;
                case "when": text.Append(When); break;
                case "wow": text.Append(Wow); break;
                case "emoji": text.Append(Emoji); break;
                default: text.Append(template, open, close - open + 1); break;
            }

            at = close + 1;
        }

        return text.ToString();
    }

    public static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    /// <summary>A price as shops write them: exact when small, 129 or 130 in the hundreds, round hundreds above.</summary>
    private static int PriceBetween(int low, int high, Random random)
    {
        var price = random.Next(low, high + 1);
        return price switch
        {
            >= 1000 => price / 100 * 100,
            >= 100 => (price / 10 * 10) - (random.Next(2) == 0 ? 1 : 0),
            _ => price,
        };
    }
}
