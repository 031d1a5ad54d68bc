namespace Vermilion.Community.Demo;

/// <summary>Words every channel of the demo shares: where and when, how notes begin and end, how people reply.</summary>
internal static class DemoWords
{
    public static readonly (string Name, double Lat, double Lng)[] Cities =
    [
        ("北京", 39.9042, 116.4074), ("上海", 31.2304, 121.4737), ("广州", 23.1291, 113.2644), ("深圳", 22.5431, 114.0579),
        ("杭州", 30.2741, 120.1551), ("成都", 30.5728, 104.0668), ("重庆", 29.5630, 106.5516), ("武汉", 30.5928, 114.3055),
        ("西安", 34.3416, 108.9398), ("南京", 32.0603, 118.7969), ("长沙", 28.2282, 112.9388), ("厦门", 24.4798, 118.0894),
    ];

    public static readonly string[] Whens =
        ["周末", "下班后", "今天", "上周", "国庆假期", "五一", "趁着年假", "早上七点", "昨天", "这个秋天", "上个月", "冬至那天"];

    /// <summary>How a title sometimes begins, as people write them to be noticed.</summary>
    public static readonly string[] Prefixes =
        ["救命！", "姐妹们，", "谁懂啊，", "终于！", "私藏｜", "真心话｜", "求求了，", "家人们，", "宝藏｜", "亲测｜", "码住｜", "建议收藏｜",
         "干货｜", "分享｜", "碎碎念｜", "实话实说｜"];

    public static readonly string[] Closings =
        ["有问题评论区问我～", "觉得有用记得收藏！", "你们还有什么好方法？", "持续更新中，关注不迷路", "真心推荐，不是广告",
         "以上，希望对你有帮助", "下期想看什么评论区告诉我", "一起变好呀", ""];

    public static readonly string[] Cheers =
        ["太有用了，已收藏！", "学到了，谢谢分享", "写得好详细，博主辛苦了", "第一次看到这么实在的分享", "冲了冲了", "好治愈啊",
         "蹲一个后续", "已转发给闺蜜", "博主好会生活"];

    /// <summary>Replies to a comment that was not a question.</summary>
    public static readonly string[] Agreements = ["哈哈哈同感", "真的！", "+1", "我也是这么觉得", "说得对[赞]", "握手🤝", "一模一样哈哈", "太真实了"];

    /// <summary>Sticker codes (<c>Notes/Stickers</c>) people add at the end of a comment.</summary>
    public static readonly string[] Stickers = ["[赞]", "[哭惹]", "[笑哭]", "[色色]", "[比心]", "[种草]", "[偷笑]", "[加油]"];
}
