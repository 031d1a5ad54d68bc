namespace Vermilion.Commerce.Demo;

/// <summary>The demo shops' stores and products: what a newcomer sees in a living shop.</summary>
internal static class DemoCatalog
{
    public sealed record DemoProduct(string Title, string Category, string Description, string Attributes, string Color, (string Specs, long Price, long Original)[] Skus);

    public sealed record DemoStore(string Name, bool Flagship, int CommissionBasisPoints, string Description, DemoProduct[] Products);

    /// <summary>A made-up business licence number of the right shape for the demo's flagship stores.</summary>
    public static string Licence(int store) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"91330106MA2DEM{store:0000}");

    public static readonly DemoStore[] Stores =
    [
        new("小红薯的好物店", false, 1000, "自己用过才上架的小物件", [
            new("云朵软糖礼盒", "零食", "软软的，不粘牙，办公室下午茶", "产地:杭州\n保质期:180天", "#ff8fa3", [("口味:草莓", 5900, 6900), ("口味:葡萄", 5900, 6900), ("口味:混合装", 9900, 12900)]),
            new("手冲挂耳咖啡 10 包", "饮品", "中深烘，巧克力坚果风味", "烘焙度:中深\n产地:云南", "#8d6e63", [("规格:10 包", 3900, 4900), ("规格:30 包", 9900, 0)]),
        ]),
        new("山野户外旗舰店", true, 800, "露营、徒步、野餐装备", [
            new("轻量双人帐篷", "户外", "1.8kg，三分钟搭好，带娃露营首选", "重量:1.8kg\n防水:3000mm", "#4caf50", [("颜色:森林绿", 39900, 49900), ("颜色:沙漠黄", 39900, 49900)]),
            new("折叠蛋卷桌", "户外", "铝合金桌面，收纳后一只手拎走", "材质:铝合金", "#795548", [("尺寸:小号", 12900, 15900), ("尺寸:大号", 16900, 19900)]),
            new("野餐垫 防水加厚", "户外", "可机洗，草地海边都能铺", "尺寸:200x200cm", "#ff9800", [("花色:格子", 6900, 8900), ("花色:小雏菊", 6900, 8900)]),
        ]),
        new("花漾美妆官方旗舰店", true, 1500, "成分党放心用", [
            new("氨基酸洁面乳", "美妆", "温和不紧绷，敏感肌可用", "净含量:120g", "#e1bee7", [("规格:120g", 8900, 12900), ("规格:两支装", 15900, 25800)]),
            new("保湿修护面霜", "美妆", "换季泛红救星", "净含量:50ml", "#f8bbd0", [("规格:50ml", 19900, 26900)]),
        ]),
        new("慢生活家居", false, 1200, "让家里多一点松弛感", [
            new("香薰蜡烛 木质调", "家居", "燃烧约 40 小时", "香调:雪松\n燃烧时长:40h", "#bcaaa4", [("香调:雪松", 7900, 9900), ("香调:白茶", 7900, 9900)]),
            new("亚麻抱枕套", "家居", "水洗亚麻，越洗越软", "尺寸:45x45cm", "#a1887f", [("颜色:燕麦", 4900, 0), ("颜色:雾蓝", 4900, 0)]),
        ]),
        new("书页文具研究所", false, 0, "手账、钢笔和好看的纸", [
            new("手账本 A5 点阵", "文具", "100g 纸张不洇墨", "页数:192", "#90caf9", [("封面:奶白", 3900, 4500), ("封面:墨绿", 3900, 4500)]),
            new("钢笔 EF 尖", "文具", "适合写小字", "笔尖:EF", "#455a64", [("颜色:黑", 15900, 19900), ("颜色:透明", 14900, 19900)]),
        ]),
    ];

    /// <summary>A product picture drawn as SVG: a colour field with the product's name, like a studio shot placeholder.</summary>
    public static string Picture(string title, string color) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800"><rect width="800" height="800" fill="{color}"/><circle cx="400" cy="360" r="190" fill="#ffffff" fill-opacity="0.35"/><text x="400" y="640" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-size="56" font-weight="700" fill="#ffffff" text-anchor="middle">{System.Security.SecurityElement.Escape(title)}</text></svg>""";

    public static readonly string[] ReviewTexts =
    [
        "质量很好，和描述一致，会回购", "包装很用心，送人很有面子", "物流很快，第二天就到了", "颜色比图片还好看", "性价比很高，推荐",
        "用了一周，效果不错", "有一点小瑕疵，客服很快处理了", "收到的时候有点压坏了", "味道一般，没有想象中好", "尺寸偏小，建议买大一号",
    ];

    public static readonly string[] Replies = ["谢谢亲的喜欢，期待再次光临～", "抱歉给您带来不好的体验，已经安排补发", "感谢反馈，我们会改进包装"];
}
