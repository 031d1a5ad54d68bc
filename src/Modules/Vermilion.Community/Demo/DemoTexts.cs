using Vermilion.Community.Demo.Channels;

namespace Vermilion.Community.Demo;

/// <summary>
/// The demo's channels, in the order of the feed's channel tabs (their pictures are drawn in this order), then
/// those the feed has no tab for. Each note is written in one of them, about one of its subjects.
/// </summary>
internal static class DemoTexts
{
    public static readonly DemoChannel[] Channels =
    [
        Beauty.Channel, Fashion.Channel, Food.Channel, Travel.Channel, Home.Channel,
        Relationships.Channel, Study.Channel, Fitness.Channel, Parenting.Channel, Tech.Channel,
        Pets.Channel,
    ];
}
