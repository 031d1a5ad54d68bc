using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vermilion.Testing;

/// <summary>Small helpers to act as a person through the HTTP API.</summary>
public static class ApiClient
{
    public const string Password = "a-long-test-passphrase";

    private static int _counter;

    public static string UniqueName(string stem = "t") =>
        $"{stem}{Environment.TickCount64 % 100000}x{Interlocked.Increment(ref _counter)}";

    /// <summary>Signs a new person up and returns a client that carries their bearer token.</summary>
    public static async Task<(HttpClient Client, string Id, string Username)> SignUpAsync(this VermilionApp app, string? username = null)
    {
        username ??= UniqueName();
        var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/signup", new { username, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var id = body.RootElement.GetProperty("user").GetProperty("profile").GetProperty("id").GetString()!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, id, username);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }
}
