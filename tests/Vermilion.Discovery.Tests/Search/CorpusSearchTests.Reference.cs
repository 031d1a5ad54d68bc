using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Search.Results;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>
/// The reference queries: thirty phrases over the review corpus, each under the general sort and one other, signed
/// out and as an author with private notes, some narrowed by type, time and city. Their result lists (ids in order,
/// with a fingerprint of the marked title and snippet) are kept in <c>Search/Reference/results-{provider}.txt</c>;
/// search may get faster but must answer exactly the same. After a deliberate change to ranking, rewrite the files
/// with <c>VERMILION_WRITE_REFERENCE=1</c> and review the difference.
/// </summary>
public sealed partial class CorpusSearchTests
{
    private static readonly string[] ReferencePhrases =
    [
        "酒店", "洗发水", "蒙牛", "平板", "这本书", "早餐品种太少", "房间隔音效果很差", "物流很快", "性价比很高", "屏幕很清晰",
        "电池不耐用", "味道很好", "包装破损", "客服态度差", "快递太慢了", "质量不错", "水果新鲜", "发货速度快", "穿着很舒服", "孩子很喜欢",
        "送给朋友的礼物", "价格便宜", "热水器安装师傅", "电脑运行速度很快", "纸张质量很好", "前台服务热情", "离地铁站很近", "蒙牛 热水器 qzxqzx",
        "手机", "衣服尺码偏小",
    ];

    private static readonly string[] OtherSorts = ["latest", "likes", "comments", "collects"];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReferenceQueries_AnswerAsRecorded(DatabaseProvider provider)
    {
        var answered = new List<string>();
        for (var i = 0; i < ReferencePhrases.Length; i++)
        {
            var q = ReferencePhrases[i];
            var author = AuthorWithPrivateMatch(q, i);
            await AnswerAsync(answered, provider, $"{q} general", new SearchRequest(q), pages: 3);
            await AnswerAsync(answered, provider, $"{q} {OtherSorts[i % OtherSorts.Length]}", new SearchRequest(q, Sort: OtherSorts[i % OtherSorts.Length]), pages: 2);
            await AnswerAsync(answered, provider, $"{q} general as {author}", new SearchRequest(q), pages: 2, author);
            if (i % 3 == 0)
            {
                await AnswerAsync(answered, provider, $"{q} latest as {author}", new SearchRequest(q, Sort: "latest"), pages: 1, author);
            }

            if (i % 5 == 0)
            {
                await AnswerAsync(answered, provider, $"{q} general image halfyear", new SearchRequest(q, NoteType: "image", Time: "halfyear"), pages: 1);
                await AnswerAsync(answered, provider, $"{q} likes 上海 week", new SearchRequest(q, Sort: "likes", Time: "week", City: "上海"), pages: 1);
            }
        }

        var file = RepositoryFiles.InRepository(Path.Combine("tests", "Vermilion.Discovery.Tests", "Search", "Reference",
            $"results-{provider.ToString().ToLowerInvariant()}.txt"));
        if (Environment.GetEnvironmentVariable("VERMILION_WRITE_REFERENCE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllLinesAsync(file, answered);
        }

        Assert.True(File.Exists(file), $"The reference results {file} are missing.");
        var recorded = await File.ReadAllLinesAsync(file);
        Assert.Equal(recorded.Length, answered.Count);
        for (var line = 0; line < recorded.Length; line++)
        {
            Assert.Equal(recorded[line], answered[line]);
        }
    }

    /// <summary>The author of a private note containing the phrase's first word, so the viewer's own notes join the results.</summary>
    private static long AuthorWithPrivateMatch(string phrase, int fallback)
    {
        var word = phrase.Split(' ')[0];
        var index = Enumerable.Range(0, ReviewCorpus.All.Count).FirstOrDefault(i => CorpusIndex.IsPrivate(i) && ReviewCorpus.All[i].Text.Contains(word, StringComparison.Ordinal), fallback);
        return CorpusIndex.AuthorOf(index);
    }

    /// <summary>One line per page: what was asked, then each hit as its id and a fingerprint of its marked title and snippet.</summary>
    private async Task AnswerAsync(List<string> answered, DatabaseProvider provider, string asked, SearchRequest request, int pages, long? viewer = null)
    {
        var app = await corpus.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<NoteSearch>();
        string? cursor = null;
        for (var page = 1; page <= pages; page++)
        {
            var hits = await search.SearchAsync(viewer, Valid(request with { Cursor = cursor }), CancellationToken.None);
            var line = new StringBuilder(asked).Append(CultureInfo.InvariantCulture, $" page {page}{(hits.Relaxed ? " relaxed" : "")}:");
            foreach (var hit in hits.Hits)
            {
                var marked = SHA256.HashData(Encoding.UTF8.GetBytes(hit.TitleHtml + "\n" + hit.SnippetHtml));
                line.Append(CultureInfo.InvariantCulture, $" {hit.Id}/{Convert.ToHexString(marked, 0, 4)}");
            }

            answered.Add(line.ToString());
            cursor = hits.Next;
            if (cursor is null)
            {
                break;
            }
        }
    }
}
