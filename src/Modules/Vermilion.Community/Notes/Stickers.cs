namespace Vermilion.Community.Notes;

/// <summary>A sticker (表情): written as its code in brackets, as people type it, and shown as its emoji.</summary>
internal sealed record Sticker(string Code, string Emoji, string Key);

/// <summary>
/// The stickers the picker offers. Text keeps the bracketed code (<c>[赞]</c>), which reads sensibly where no emoji is
/// drawn (notifications, search, exports); pages draw the emoji in its place.
/// </summary>
internal static class Stickers
{
    public static readonly IReadOnlyList<Sticker> All =
    [
        new("微笑", "🙂", "smile"), new("笑哭", "😂", "tears_of_joy"), new("哭惹", "😭", "crying"), new("害羞", "😊", "shy"),
        new("色色", "😍", "heart_eyes"), new("偷笑", "🤭", "giggle"), new("哇", "😮", "wow"), new("思考", "🤔", "thinking"),
        new("生气", "😠", "angry"), new("扶额", "🤦", "facepalm"), new("吃瓜", "🍉", "watching"), new("晚安", "🌙", "good_night"),
        new("赞", "👍", "like"), new("鼓掌", "👏", "applause"), new("加油", "💪", "go"), new("比心", "🫶", "heart_hands"),
        new("爱心", "❤️", "heart"), new("送花", "💐", "flowers"), new("庆祝", "🎉", "celebrate"), new("火", "🔥", "fire"),
        new("种草", "🌱", "want_it"), new("拔草", "✂️", "bought_it"), new("买爆", "🛍️", "shopping"), new("OK", "👌", "ok"),
    ];

    private static readonly Dictionary<string, Sticker> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static Sticker? Find(string code) => ByCode.GetValueOrDefault(code);
}
