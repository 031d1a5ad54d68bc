namespace Vermilion.Community.Demo.Channels;

/// <summary>宠物: cats and dogs. Not one of the feed's channel tabs, so these notes are found through 推荐, topics and search.</summary>
internal static class Pets
{
    public static readonly DemoChannel Channel = new("宠物",
    [
        new("猫咪", ["猫粮", "冻干", "猫砂", "猫抓板", "逗猫棒", "猫爬架"], ["客厅", "阳台"], 29, 399)
        {
            Titles = ["养猫{n}年，这些{thing}值得买", "新手养猫｜{thing}怎么选", "我家猫主子超爱的{thing}🐱", "{price}元的{thing}，猫咪很喜欢",
                      "换了{thing}，猫咪{wow}", "猫咪{n}岁了，还是爱{thing}", "{when}给猫咪换了{thing}"],
            Details = ["猫粮换了无谷配方，毛色亮了很多", "猫抓板放在沙发旁，沙发终于保住了", "猫咪每天在{place}晒太阳，很惬意"],
            Topics = ["养猫", "铲屎官日常", "萌宠"],
        },
        new("狗狗", ["狗粮", "牵引绳", "磨牙棒", "狗窝", "遛狗包"], ["公园", "草坪"], 29, 299)
        {
            Titles = ["带狗狗出门必备{thing}", "新手养狗的{n}个建议", "{city}可以带狗的咖啡店", "狗狗超爱的{thing}🐶", "{when}带狗去{place}",
                      "狗狗{n}岁了，最爱{thing}", "{city}遛狗好去处｜{place}", "{when}给狗狗买了{thing}"],
            Details = ["每天遛两次，每次半小时，回家就很乖", "{thing}很结实，拉不断", "{place}很大，狗狗可以撒欢跑"],
            Topics = ["养狗", "遛狗", "萌宠"],
        },
    ])
    {
        Palette = 10,
        Titles = ["毛孩子的{thing}分享", "{when}给毛孩子换了{thing}", "铲屎官必备{thing}", "{thing}测评｜{wow}"],
        Openings = ["作为一个铲屎官，", "很多人问我家毛孩子吃什么，", "新手铲屎官看过来，", "{when}带毛孩子去体检，", "家里毛孩子最近超爱这个，"],
        Details = ["换粮要慢慢来，七天过渡", "定期驱虫和疫苗不能少", "{thing}{price}元，毛孩子很喜欢", "每天陪它玩二十分钟，拆家少了很多", "有异常一定及时看医生"],
        Facts = ["🐾毛孩子：{n}岁\n💰{thing}：{price}元", "✅适口性：很好\n💰价格：{price}元"],
        Wows = ["幸福感满满", "被治愈了", "可爱到犯规", "太省心了"],
        Emoji = ["🐾", "💕", "✨", "🥰"],
        Asks = [("{thing}哪里买的呀？", "主页有链接哦"), ("几岁了呀？", "{n}岁啦"), ("是什么品种呀？", "田园的，超级亲人"),
                ("会不会掉毛很厉害？", "换季会掉毛，多梳梳就好"), ("求链接", "主页有链接哦")],
        Cheers = ["好可爱啊[色色]", "想rua", "同款{thing}，我家也爱", "云吸了", "收藏了"],
    };
}
