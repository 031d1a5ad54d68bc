using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Api;
using Vermilion.Community.Boards;
using Vermilion.Community.Comments;
using Vermilion.Community.Demo;
using Vermilion.Community.Feeds;
using Vermilion.Community.Follows;
using Vermilion.Community.Likes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Vermilion.Community.Contracts;
using Vermilion.Community.Media;
using Vermilion.Community.Messages;
using Vermilion.Community.Notifications;
using Vermilion.Community.Realtime;
using Vermilion.Community.Series;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;
using Vermilion.Community.Notes;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community;

/// <summary>Community: notes, media, topics, follows and blocks, likes and boards, comments, feeds.</summary>
public static class CommunityModule
{
    public static IServiceCollection AddCommunityModule(this IServiceCollection services)
    {
        services.AddModuleDb<CommunityDb>(CommunityDb.TablePrefix);
        services.AddStrings(typeof(CommunityModule).Assembly);
        services.AddScoped<UploadMediaHandler>();
        services.AddScoped<MediaQueries>();
        services.AddScoped<VideoOutcome>();
        services.AddSingleton<VideoWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<VideoWorker>());
        services.AddScoped<NotePublication>();
        services.AddScoped<CreateNoteHandler>();
        services.AddScoped<EditNoteHandler>();
        services.AddScoped<DeleteNoteHandler>();
        services.AddScoped<NoteQueries>();
        services.AddScoped<Contracts.INoteDirectory, NoteDirectory>();
        services.AddScoped<Contracts.INoteCards, NoteCards>();
        services.AddScoped<Contracts.ICommunityExport, CommunityExport>();
        services.AddScoped<Contracts.ISocialGraph, SocialGraph>();
        services.AddScoped<FeedQueries>();
        services.AddSingleton<Feeds.Following.TimelineCache>();
        services.AddSingleton<NoteRowCache>();
        services.AddSingleton<SharedNotes>();
        services.AddSingleton<NewestNotes>();
        services.AddSingleton<NotePageEviction>();
        services.AddSingleton<INotePages, NotePages>();
        services.AddOutputCache(NotePagePolicy.Add);
        services.AddSingleton<LikedNotes>();
        services.AddSingleton<CollectedNotes>();
        services.AddScoped<Feeds.Following.FollowingFeed>();
        services.AddScoped<TopicQueries>();
        services.AddScoped<FeedSources>();
        services.AddScoped<FollowHandler>();
        services.AddScoped<BlockHandler>();
        services.AddScoped<LikeHandler>();
        services.AddScoped<BoardHandler>();
        services.AddScoped<CollectHandler>();
        services.AddScoped<PostCommentHandler>();
        services.AddScoped<ManageCommentHandler>();
        services.AddScoped<CommentQueries>();
        services.AddScoped<SocialQueries>();
        services.AddScoped<Contracts.IDemoCommunity, DemoContent>();
        services.AddScoped<DemoInbox>();
        AddNotificationsAndMessages(services);
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }

    private static void AddNotificationsAndMessages(IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<IUserIdProvider, UserIdProvider>();
        services.AddSingleton<LivePush>();
        services.AddScoped<LiveUpdates>();
        services.AddScoped<UnreadCountsQuery>();
        services.AddScoped<NotificationWriter>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<MarkNotificationsReadHandler>();
        services.AddScoped<Contracts.INotifier, Notifier>();
        services.AddEventHandler<NoteLiked, NotifyOnActivity>();
        services.AddEventHandler<NoteCollected, NotifyOnActivity>();
        services.AddEventHandler<CommentPosted, NotifyOnActivity>();
        services.AddEventHandler<UsersMentioned, NotifyOnActivity>();
        services.AddEventHandler<UserFollowed, NotifyOnActivity>();
        services.AddEventHandler<Accounts.Contracts.SignInFailuresRepeated, NotifyOnSignInFailures>();
        services.AddScoped<MessageQueries>();
        services.AddScoped<SendMessageHandler>();
        services.AddScoped<ReadMessagesHandler>();
        services.AddScoped<ManageSeriesHandler>();
        services.AddScoped<SeriesNotesHandler>();
        services.AddScoped<SeriesQueries>();
        services.AddScoped<SeriesChoice>();
        services.AddScoped<TabPrivacySettings>();
        services.AddPageSlot("settings.sections", "TabPrivacy");
        services.AddEventHandler<Accounts.Contracts.AccountDeleted, WithdrawClosedAccount>();
    }

    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder app)
    {
        NoteEndpoints.Map(app);
        SocialEndpoints.Map(app);
        CommentEndpoints.Map(app);
        FeedEndpoints.Map(app);
        MessageEndpoints.Map(app);
        NotificationEndpoints.Map(app);
        SeriesEndpoints.Map(app);
        app.MapHub<PersonHub>(PersonHub.Path);
        return app;
    }
}
