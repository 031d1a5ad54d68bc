using System.Net;
using System.Text;
using SkiaSharp;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class PictureUploadTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TurnedPhoto_IsStoredUprightWithRenditionsAndItsColour(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();

        var upload = await (await author.PostAsync("/api/media", new ByteArrayContent(TestImages.Jpeg(1600, 1200, orientation: 6, withMetadata: true)))).JsonAsync();
        var url = upload.GetProperty("url").GetString()!;
        await author.PublishAsync(new { type = "image", title = "竖着拍的", mediaIds = new[] { upload.GetProperty("id").GetString() } });
        var card = (await (await app.CreateClient().GetAsync($"/api/users/{authorId}/notes")).JsonAsync()).GetProperty("items")[0];
        var detail = await app.CreateClient().GetByteArrayAsync(Renditions.Url(url, Rendition.Detail));
        var cardJpeg = await app.CreateClient().GetAsync(Renditions.Url(url, Rendition.Card, "jpg"));

        Assert.Equal((1200, 1600), (upload.GetProperty("width").GetInt32(), upload.GetProperty("height").GetInt32()));
        Assert.Matches("^#[0-9a-f]{6}$", upload.GetProperty("color").GetString());
        Assert.Equal(upload.GetProperty("color").GetString(), card.GetProperty("coverColor").GetString());
        using (var upright = SKBitmap.Decode(detail))
        {
            Assert.Equal((1080, 1440), (upright.Width, upright.Height));
        }

        Assert.DoesNotContain(TestImages.SecretText, Encoding.Latin1.GetString(await app.CreateClient().GetByteArrayAsync(url)), StringComparison.Ordinal);
        Assert.Equal("image/jpeg", cardJpeg.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedCard_OffersItsRenditionsAndAPlaceholderColour()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, authorId, _) = await app.SignUpAsync();
        var id = await author.PublishIdAsync(new { type = "image", title = "蓝色的海", mediaIds = new[] { await author.UploadAsync(TestImages.Jpeg(1200, 1600)) } });

        var page = await app.CreateClient().GetStringAsync($"/user/{authorId}");

        Assert.Contains("-card.webp 540w", page, StringComparison.Ordinal);
        Assert.Contains("-detail.webp 1080w", page, StringComparison.Ordinal);
        Assert.Matches("background-color: #[0-9a-f]{6}", page);
        Assert.Contains("sizes=\"(max-width: 720px) 50vw, 260px\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/explore/{id}")).StatusCode);
    }

    [Fact]
    public async Task Polyglot_IsStoredAsAPictureOnly()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();

        var upload = await (await author.PostAsync("/api/media", new ByteArrayContent(TestImages.WithTrailingPayload(TestImages.Jpeg(300, 200))))).JsonAsync();
        var stored = await app.CreateClient().GetByteArrayAsync(upload.GetProperty("url").GetString());

        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }
}
