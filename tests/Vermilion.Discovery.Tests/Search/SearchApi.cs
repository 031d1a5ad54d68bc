using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>Publishing and searching through the HTTP API, as a person would.</summary>
internal static class SearchApi
{
    public static async Task<string> PublishTextAsync(this HttpClient client, string title, string body, string privacy = "public", string city = "")
    {
        var response = await client.PostAsJsonAsync("/api/notes", new { type = "text", title, body, privacy, city });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> SearchAsync(this HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}{extra}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<List<string>> FoundAsync(this HttpClient client, string query, string extra = "") =>
        [.. (await client.SearchAsync(query, extra)).GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("card").GetProperty("id").GetString()!)];

    /// <summary>Waits until the search finds (or stops finding) a note: the index follows events within seconds.</summary>
    public static Task<List<string>> EventuallyAsync(this HttpClient client, string query, Func<List<string>, bool> holds, string what) =>
        Eventually.ValueAsync(() => client.FoundAsync(query), holds, what);
}
