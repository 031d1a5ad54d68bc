using System.Globalization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Notifications;

/// <summary>
/// Tells the owner of an account that someone keeps entering wrong passwords for it, as a system notice. The run's
/// start is in the dedupe key: one notice per run, however often the event is delivered.
/// </summary>
internal sealed class NotifyOnSignInFailures(INotifier notifier) : IEventHandler<SignInFailuresRepeated>
{
    public Task HandleAsync(SignInFailuresRepeated domainEvent, EventContext context, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            new Notice(
                domainEvent.UserId,
                INotifier.System,
                "accounts.notice.signin_failures",
                [domainEvent.Failures.ToString(CultureInfo.InvariantCulture)],
                "/settings",
                $"accounts:signin-failures:{domainEvent.UserId}:{domainEvent.Since.UtcTicks}"),
            cancellationToken);
}
