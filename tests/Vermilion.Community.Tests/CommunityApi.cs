using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

/// <summary>Acting as a person in the community through the HTTP API.</summary>
internal static class CommunityApi
{
    public static async Task<string> UploadAsync(this HttpClient client, byte[]? image = null)
    {
        var content = new ByteArrayContent(image ?? TestImages.Png(60, 80));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await client.PostAsync("/api/media", content);
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> PublishAsync(this HttpClient client, object? note = null)
    {
        note ??= new { type = "image", title = "周末露营", body = "#露营# 第一次带娃露营", mediaIds = new[] { await client.UploadAsync() }, city = "杭州" };
        var response = await client.PostAsJsonAsync("/api/notes", note);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<string> PublishIdAsync(this HttpClient client, object? note = null) =>
        (await client.PublishAsync(note)).GetProperty("id").GetString()!;

    public static async Task<string> TextNoteAsync(this HttpClient client, string title, string privacy = "public") =>
        await client.PublishIdAsync(new { type = "text", title, body = "正文", privacy });
}
