namespace Vermilion.Accounts.Demo;

/// <summary>Word lists for demo people: nicknames, bios and cities in the style of the reference community.</summary>
internal static class DemoNames
{
    public static readonly string[] Moods =
        ["爱吃草莓的", "早睡早起的", "不想上班的", "努力生活的", "在路上的", "会做饭的", "爱笑的", "慢慢来的",
         "喜欢下雨的", "今天也很开心的", "热爱摄影的", "周末去露营的", "正在减肥的", "养猫的", "爱读书的", "追光的"];

    public static readonly string[] Beings =
        ["小鹿", "阿橙", "兔子", "小鱼", "橘子汽水", "奶盖", "团子", "小熊", "栗子", "布丁", "西瓜", "星星",
         "麦穗", "柚子", "云朵", "月亮", "小满", "可乐", "芋圆", "桃桃"];

    public static readonly string[] Bios =
        ["分享日常的小美好 ✨", "一个认真生活的普通人", "记录穿搭与好物｜合作请私信", "美食探店｜在吃这件事上从不将就",
         "旅行中，去看更大的世界", "家居改造爱好者，出租屋也能很好看", "心理学在读，聊聊情绪与关系",
         "健身三年，分享训练和饮食", "新手妈妈的育儿笔记", "数码控｜测评只说真话", "读书、电影和一些碎碎念", "职场打工人的自我成长"];

    public static readonly string[] Cities =
        ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京", "苏州", "长沙", "厦门", "青岛", "昆明", "天津"];

    public static readonly string[] Provinces =
        ["北京", "上海", "广东", "广东", "浙江", "四川", "重庆", "湖北", "陕西", "江苏", "江苏", "湖南", "福建", "山东", "云南", "天津"];
}
