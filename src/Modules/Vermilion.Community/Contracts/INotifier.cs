namespace Vermilion.Community.Contracts;

/// <summary>
/// A notification another module sends someone (an order shipped, a store approved). The text is a string-table
/// key with its arguments, so it shows in the reader's language; <paramref name="DedupeKey"/> makes sending the
/// same notice twice (an event delivered again) harmless.
/// </summary>
public sealed record Notice(long UserId, string Kind, string TextKey, IReadOnlyList<string> Arguments, string? Link, string DedupeKey);

/// <summary>Sends notices into a person's notification list (the "system" and "orders" tabs) with a live badge.</summary>
public interface INotifier
{
    /// <summary>Kinds other modules may use.</summary>
    public const string Orders = "orders";
    public const string System = "system";

    Task NotifyAsync(Notice notice, CancellationToken cancellationToken);
}
