using Microsoft.Playwright;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>
/// The platform on a real Kestrel port and Debian's Chromium driven by Playwright. A missing browser fails the
/// test run; it never skips.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(VermilionApp app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        App = app;
        Playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public VermilionApp App { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public string BaseUrl { get; }

    public static async Task<BrowserSession> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = await VermilionApp.StartOnKestrelAsync(provider, settings);
        var executable = Environment.GetEnvironmentVariable("VERMILION_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not installed at {executable} (apt-get install chromium).");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return new BrowserSession(app, playwright, browser, app.ServerAddress);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser (its own cookies) signed in as the person through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string username, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#login", username);
        await page.FillAsync("#password", ApiClient.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await Assertions.Expect(page.Locator("[data-testid=avatar-menu]")).ToBeVisibleAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
