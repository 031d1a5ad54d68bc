using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>Two people in two browsers: publishing, following, liking, collecting, commenting, notifications, messages, blocking.</summary>
public sealed partial class CommunityJourneyTests
{
    [Fact]
    public async Task TwoPeople_PublishFollowLikeCollectCommentReplyPinMessageAndBlock()
    {
        await using var session = await BrowserSession.StartAsync();
        var (_, aId, aName) = await session.App.SignUpAsync();
        var (bApi, bId, bName) = await session.App.SignUpAsync();
        var bNote = (await (await bApi.PostAsJsonAsync("/api/notes", new { type = "text", title = "B 的日常" })).JsonAsync()).GetProperty("id").GetString();
        var a = await session.SignedInPageAsync(aName);
        var b = await session.SignedInPageAsync(bName);

        // B follows A from A's homepage.
        await b.GotoAsync($"/user/{aId}");
        await b.ClickAsync("[data-testid=follow]");
        await Assertions.Expect(b.Locator("[data-testid=follow]")).ToHaveTextAsync("已关注");

        // A publishes an image note with a topic and a place.
        await a.GotoAsync("/publish");
        await a.SetInputFilesAsync("[data-testid=images-input]", new FilePayload { Name = "camp.png", MimeType = "image/png", Buffer = TestImages.Png(600, 800, 40, 140, 90) });
        await Assertions.Expect(a.Locator(".thumb img")).ToHaveCountAsync(1);
        await a.FillAsync("[data-testid=title]", "周末露营清单");
        await a.FillAsync("[data-testid=body]", "第一次带娃露营 #露营装备# 这几样真的好用");
        await a.FillAsync("[data-testid=city]", "杭州");
        await a.FillAsync("[data-testid=place]", "白马湖");
        await a.ClickAsync("[data-testid=publish]");
        await a.WaitForURLAsync(NotePath());
        var noteId = a.Url.Split('/')[^1];
        await Assertions.Expect(a.Locator("[data-testid=note-location]")).ToContainTextAsync("杭州 · 白马湖");
        await Assertions.Expect(a.Locator(".topic-link")).ToHaveTextAsync("#露营装备");
        await a.GotoAsync("/");

        // B finds it in the following feed, likes it by double-clicking the picture, collects it into a new board, comments.
        await b.GotoAsync("/?tab=following");
        await b.ClickAsync($"[data-note='{noteId}'] .note-cover");
        await b.DblClickAsync("[data-like-on-dblclick]");
        await Assertions.Expect(b.Locator("[data-testid=like]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(b.Locator("[data-testid=like] [data-like-count]")).ToHaveTextAsync("1");
        await b.ClickAsync("[data-testid=collect]");
        await Assertions.Expect(b.Locator("[data-testid=collect]")).ToHaveAttributeAsync("aria-pressed", "true"); // collected at once
        await Assertions.Expect(b.Locator("[data-testid=collect] [data-collect-count]")).ToHaveTextAsync("1");
        await b.ClickAsync("[data-testid=toast-action]"); // then, as a follow-up, into a board of its own
        await b.FillAsync("[data-testid=new-board]", "露营灵感");
        await b.ClickAsync("[data-testid=create-board]");
        await Assertions.Expect(b.Locator("dialog.board-dialog")).ToBeHiddenAsync(); // moved into the new board
        await Assertions.Expect(b.Locator("[data-testid=collect]")).ToHaveAttributeAsync("aria-pressed", "true");
        await b.FillAsync("[data-testid=comment-input]", "求帐篷链接！");
        await b.ClickAsync("[data-testid=comment-send]");
        var comment = b.Locator(".comment:has-text('求帐篷链接')");
        await Assertions.Expect(comment).ToBeVisibleAsync();
        var commentId = await comment.GetAttributeAsync("data-comment");

        // A's badge counts them live (a follower, likes, collects, a comment), without reloading.
        await Assertions.Expect(a.Locator("[data-testid=badge-notifications]")).ToHaveTextAsync("4");
        await a.ClickAsync("[data-testid=nav-notifications]");
        await Assertions.Expect(a.Locator("[data-testid=notification]")).ToContainTextAsync("评论了你的笔记");
        await a.ClickAsync("[data-testid=notifications-tab-likes]");
        await Assertions.Expect(a.Locator("[data-testid=notification]")).ToHaveCountAsync(2);

        // A replies to the comment and pins it; B hears of the reply live.
        await a.GotoAsync($"/explore/{noteId}");
        await a.ClickAsync($"#comment-{commentId} [data-reply-to]");
        await a.FillAsync("[data-testid=comment-input]", "链接放在主页啦");
        await a.ClickAsync("[data-testid=comment-send]");
        await Assertions.Expect(a.Locator($"[data-replies='{commentId}']")).ToContainTextAsync("链接放在主页啦");
        await a.ClickAsync($"[data-testid=pin-{commentId}]");
        await Assertions.Expect(a.Locator($"#comment-{commentId} [data-testid=pinned]")).ToBeVisibleAsync();
        await Assertions.Expect(b.Locator("[data-testid=badge-notifications]")).ToHaveTextAsync("1");

        // Direct messages, live both ways, with read receipts.
        await a.GotoAsync($"/messages?to={bId}");
        await b.GotoAsync($"/messages?to={aId}");
        await Assertions.Expect(a.Locator("body[data-live=connected]")).ToHaveCountAsync(1);
        await Assertions.Expect(b.Locator("body[data-live=connected]")).ToHaveCountAsync(1);
        await b.FillAsync("[data-testid=chat-input]", "你好，帐篷是哪个牌子？");
        await b.ClickAsync("[data-testid=chat-send]");
        await Assertions.Expect(a.Locator(".bubble-row.theirs")).ToContainTextAsync("帐篷是哪个牌子");
        await a.FillAsync("[data-testid=chat-input]", "主页第一条笔记有写");
        await a.ClickAsync("[data-testid=chat-send]");
        await Assertions.Expect(b.Locator(".bubble-row.theirs")).ToContainTextAsync("主页第一条笔记有写");
        await Assertions.Expect(a.Locator(".bubble-row.mine.last-mine [data-state]")).ToHaveTextAsync("已读");

        // B blocks A: A can no longer see B's notes nor message B.
        b.Dialog += (_, dialog) => dialog.AcceptAsync();
        await b.GotoAsync($"/user/{aId}");
        await b.ClickAsync("[data-testid=block]");
        await Assertions.Expect(b.Locator("[data-testid=block]")).ToHaveTextAsync("取消拉黑");
        var hidden = await a.GotoAsync($"/explore/{bNote}");
        Assert.Equal(404, hidden!.Status);
        await a.GotoAsync($"/user/{bId}");
        await Assertions.Expect(a.Locator("[data-testid=follow]")).ToHaveCountAsync(0);
        await Assertions.Expect(a.Locator(".note-card")).ToHaveCountAsync(0);
        await a.GotoAsync($"/messages?to={bId}");
        await Assertions.Expect(a.Locator("[data-testid=chat-blocked]")).ToBeVisibleAsync();
        await Assertions.Expect(a.Locator("[data-testid=chat-input]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Commenter_PicksAStickerAndMentionsSomeone_FromTheCommentBox()
    {
        await using var session = await BrowserSession.StartAsync();
        var (authorApi, _, _) = await session.App.SignUpAsync();
        var (_, friendId, friend) = await session.App.SignUpAsync();
        var (commenterApi, _, commenter) = await session.App.SignUpAsync();
        Assert.True((await commenterApi.PostAsync($"/api/users/{friendId}/follow", null)).IsSuccessStatusCode); // @ offers people you follow
        var noteId = (await (await authorApi.PostAsJsonAsync("/api/notes", new { type = "text", title = "今天的晚饭" })).JsonAsync()).GetProperty("id").GetString();
        var page = await session.SignedInPageAsync(commenter, 390, 844);
        await page.GotoAsync($"/explore/{noteId}");

        await page.FillAsync("[data-testid=comment-input]", "太香了");
        await page.ClickAsync("[data-testid=sticker-toggle]");
        await page.ClickAsync("[data-testid=sticker-like]");
        await Assertions.Expect(page.Locator("[data-testid=comment-input]")).ToHaveValueAsync("太香了[赞]");
        await page.Locator("[data-testid=comment-input]").PressSequentiallyAsync(" @" + friend[..5]);
        await page.Locator("[data-testid=comment-suggestions] li").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=comment-input]")).ToHaveValueAsync($"太香了[赞] @{friend} ");
        await page.ClickAsync("[data-testid=comment-send]");

        var comment = page.Locator(".comment:has-text('太香了')");
        await Assertions.Expect(comment.Locator(".sticker")).ToHaveTextAsync("👍");
        await Assertions.Expect(comment.Locator(".comment-text")).Not.ToContainTextAsync("[赞]");
    }

    [Fact]
    public async Task Creator_PublishesAVideoNoteWithAFrameOfItAsTheCover()
    {
        await using var session = await BrowserSession.StartAsync();
        var (_, id, name) = await session.App.SignUpAsync();
        var page = await session.SignedInPageAsync(name);
        await page.GotoAsync("/publish");
        await page.ClickAsync("[data-testid=type-video]");

        // A real video, recorded by the browser itself from an animated canvas (WebM, written live: no length in its header).
        await page.EvaluateAsync("""
            async () => {
              const canvas = Object.assign(document.createElement("canvas"), { width: 320, height: 240 });
              const paint = canvas.getContext("2d");
              const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm" });
              const chunks = [];
              recorder.ondataavailable = (e) => chunks.push(e.data);
              const stopped = new Promise((resolve) => (recorder.onstop = resolve));
              recorder.start(200);
              const started = performance.now();
              while (performance.now() - started < 2500) {
                const t = (performance.now() - started) / 2500;
                paint.fillStyle = `hsl(${Math.round(t * 360)}, 80%, 60%)`;
                paint.fillRect(0, 0, 320, 240);
                await new Promise((resolve) => setTimeout(resolve, 40));
              }
              recorder.stop();
              await stopped;
              const file = new File(chunks, "clip.webm", { type: "video/webm" });
              const transfer = new DataTransfer();
              transfer.items.add(file);
              const input = document.querySelector("[data-testid=video-input]");
              input.files = transfer.files;
              input.dispatchEvent(new Event("change", { bubbles: true }));
            }
            """);
        await Assertions.Expect(page.Locator("[data-testid=video-status]")).ToHaveTextAsync(new Regex("视频已上传|视频处理中|视频已就绪"));
        await page.Locator("#poster-time").FillAsync("500"); // a frame of the author's choosing, not the server's
        await page.FillAsync("[data-testid=title]", "三秒看懂配色");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync(NotePath());

        var player = page.Locator("[data-testid=video] video");
        await Assertions.Expect(player).ToHaveAttributeAsync("src", VideoUrl());
        await Assertions.Expect(player).ToHaveAttributeAsync("poster", PictureUrl());
        Assert.True(await player.EvaluateAsync<bool>("v => new Promise(r => v.readyState >= 1 ? r(true) : (v.onloadedmetadata = () => r(true), v.onerror = () => r(false)))"));
        await page.GotoAsync($"/user/{id}");
        await Assertions.Expect(page.Locator(".note-card .note-play")).ToHaveCountAsync(1);
    }

    [GeneratedRegex("^/media/[0-9a-f]{64}\\.mp4$")]
    private static partial Regex VideoUrl();

    [GeneratedRegex("^/media/[0-9a-f]{64}\\.webp$")]
    private static partial Regex PictureUrl();

    [GeneratedRegex("/explore/[0-9A-Za-z]+$")]
    private static partial Regex NotePath();
}
