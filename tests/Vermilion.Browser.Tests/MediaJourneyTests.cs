using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>Pictures and videos as a phone makes them: a turned photo, an MP4 with its index at the end.</summary>
public sealed partial class MediaJourneyTests
{
    [Fact]
    public async Task TurnedPhoto_ShowsUpright_AndItsFeedCardLoadsOnlyTheCardRendition()
    {
        await using var session = await BrowserSession.StartAsync();
        var (_, id, name) = await session.App.SignUpAsync();
        var page = await session.SignedInPageAsync(name);

        // 4000 × 3000 pixels as the sensor stored them, EXIF orientation 6: upright it is 3000 wide, 4000 tall.
        await page.GotoAsync("/publish");
        await page.SetInputFilesAsync("[data-testid=images-input]", new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(4000, 3000, orientation: 6) });
        // Shrinking 12 megapixels in the browser and re-encoding on the server take a while on a busy machine.
        await Assertions.Expect(page.Locator(".thumb img")).ToHaveCountAsync(1, new() { Timeout = 60000 });
        await page.FillAsync("[data-testid=title]", "竖着拍的山");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync(NotePath());

        var shown = page.Locator(".slide img").First;
        await Assertions.Expect(shown).ToHaveJSPropertyAsync("complete", true);
        var width = await shown.EvaluateAsync<int>("i => i.naturalWidth");
        var height = await shown.EvaluateAsync<int>("i => i.naturalHeight");
        var source = await shown.EvaluateAsync<string>("i => i.currentSrc");
        Assert.True(height > width, $"upright: {width} × {height}");
        Assert.Matches(DetailRendition(), source);

        // The card on the author's page: the small rendition is what the browser fetched, and nothing bigger.
        var pictures = new List<string>();
        var cardPage = await session.SignedInPageAsync(name);
        cardPage.Request += (_, request) =>
        {
            if (request.Url.Contains("/media/", StringComparison.Ordinal))
            {
                pictures.Add(new Uri(request.Url).AbsolutePath);
            }
        };
        await cardPage.GotoAsync($"/user/{id}");
        var cover = cardPage.Locator(".note-card .note-cover img").First;
        await Assertions.Expect(cover).ToHaveJSPropertyAsync("complete", true);
        Assert.Matches(CardRendition(), await cover.EvaluateAsync<string>("i => i.currentSrc"));
        Assert.True(await cover.EvaluateAsync<int>("i => i.naturalWidth") <= 540);
        Assert.Contains(pictures, p => CardRendition().IsMatch(p));
        Assert.DoesNotContain(pictures, p => DetailRendition().IsMatch(p) || Original().IsMatch(p));
        Assert.Matches("background-color: #[0-9a-f]{6}", await cardPage.Locator(".note-card .note-cover").First.GetAttributeAsync("style") ?? "");
    }

    [Fact]
    public async Task Mp4WithItsIndexAtTheEnd_BecomesAPlayableVideoNoteWithAPoster()
    {
        await using var session = await BrowserSession.StartAsync();
        var (_, _, name) = await session.App.SignUpAsync();
        var page = await session.SignedInPageAsync(name);
        await page.GotoAsync("/publish");
        await page.ClickAsync("[data-testid=type-video]");

        // Written the plain way (moov after mdat): a browser could not start it before the whole file arrived.
        await page.SetInputFilesAsync("[data-testid=video-input]", new FilePayload { Name = "clip.mp4", MimeType = "video/mp4", Buffer = TestVideos.Mp4(320, 240, 2) });
        await Assertions.Expect(page.Locator("[data-testid=video-status]")).ToHaveTextAsync(new Regex("视频处理中|视频已就绪"));
        await page.FillAsync("[data-testid=title]", "两秒的测试图");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync(NotePath(), new PageWaitForURLOptions { Timeout = 60000 });

        var player = page.Locator("[data-testid=video] video");
        await Assertions.Expect(player).ToHaveAttributeAsync("src", new Regex("^/media/[0-9a-f]{64}\\.mp4$"));
        await Assertions.Expect(player).ToHaveAttributeAsync("poster", new Regex("^/media/[0-9a-f]{64}\\.webp$"));
        var poster = await page.EvaluateAsync<int>("async url => { const i = new Image(); i.src = url; await i.decode(); return i.naturalWidth; }",
            await player.GetAttributeAsync("poster"));
        var duration = await player.EvaluateAsync<double>("""
            v => new Promise((resolve, reject) => {
              if (v.readyState >= 1) resolve(v.duration);
              v.onloadedmetadata = () => resolve(v.duration);
              v.onerror = () => reject(new Error("cannot play: " + (v.error && v.error.code)));
              v.load();
            })
            """);
        var played = await player.EvaluateAsync<bool>("""
            async v => { v.muted = true; await v.play(); await new Promise(r => setTimeout(r, 600)); return v.currentTime > 0; }
            """);

        Assert.Equal(320, poster);
        Assert.InRange(duration, 1.8, 2.3);
        Assert.True(played, "the rendition plays");
    }

    [GeneratedRegex("/media/[0-9a-f]{64}-card\\.(webp|jpg)$")]
    private static partial Regex CardRendition();

    [GeneratedRegex("/media/[0-9a-f]{64}-detail\\.(webp|jpg)$")]
    private static partial Regex DetailRendition();

    [GeneratedRegex("/media/[0-9a-f]{64}\\.(webp|jpg|png)$")]
    private static partial Regex Original();

    [GeneratedRegex("/explore/[0-9A-Za-z]+$")]
    private static partial Regex NotePath();
}
