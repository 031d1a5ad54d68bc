using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Commerce.Payments.Sandbox;

/// <summary>
/// The secret the sandbox signs its notifications with and our webhook checks them by. Anyone who knows it can
/// sign a notification, so a secret printed in documentation is refused outside Development; with none
/// configured, a random one is made on first start and kept in the data directory, so it survives restarts and
/// is shared by every node on the same data directory.
/// </summary>
internal sealed partial class SandboxWebhookSecret
{
    /// <summary>The secret earlier versions documented as their default: public knowledge, so never trusted in production.</summary>
    public const string Documented = "vermilion-sandbox-secret";

    public const string FileName = "sandbox-webhook-secret";

    public SandboxWebhookSecret(IOptions<CommerceOptions> options, IHostEnvironment environment, DatabaseSettings database, ILogger<SandboxWebhookSecret> logger)
    {
        var configured = options.Value.Sandbox.WebhookSecret?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            if (configured == Documented && !environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"Commerce:Sandbox:WebhookSecret is set to the documented value '{Documented}', which anyone can use to forge payment notifications. "
                    + "Set a secret of your own, or remove the setting to have one generated into the data directory.");
            }

            Value = configured;
            return;
        }

        var path = Path.Combine(database.DataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 32 } kept)
        {
            Value = kept;
            return;
        }

        Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(database.DataDirectory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        LogGenerated(logger, path);
    }

    public string Value { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Commerce:Sandbox:WebhookSecret was configured: a random one was generated and saved in {Path}. Nodes sharing this platform need the same secret.")]
    private static partial void LogGenerated(ILogger logger, string path);
}
