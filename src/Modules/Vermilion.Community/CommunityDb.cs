using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Boards;
using Vermilion.Community.Comments;
using Vermilion.Community.Follows;
using Vermilion.Community.Likes;
using Vermilion.Community.Media;
using Vermilion.Community.Messages;
using Vermilion.Community.Notes;
using Vermilion.Community.Notifications;
using Vermilion.Community.Profiles;
using Vermilion.Community.Series;
using Vermilion.Community.Topics;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community;

internal sealed class CommunityDb(DbContextOptions<CommunityDb> options) : ModuleDbContext(options)
{
    public const string TablePrefix = "community";

    public override string Prefix => TablePrefix;

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<NoteMedia> NoteMedia => Set<NoteMedia>();

    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<VideoJob> VideoJobs => Set<VideoJob>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<NoteTopic> NoteTopics => Set<NoteTopic>();

    public DbSet<NoteMention> NoteMentions => Set<NoteMention>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<UserStats> UserStats => Set<UserStats>();

    public DbSet<NoteLike> Likes => Set<NoteLike>();

    public DbSet<NotInterested> NotInterested => Set<NotInterested>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<BoardItem> BoardItems => Set<BoardItem>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentLike> CommentLikes => Set<CommentLike>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationActor> NotificationActors => Set<NotificationActor>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();

    public DbSet<DirectMessage> Messages => Set<DirectMessage>();

    public DbSet<NoteSeries> Series => Set<NoteSeries>();

    public DbSet<SeriesNote> SeriesNotes => Set<SeriesNote>();

    public DbSet<TabPrivacy> TabPrivacy => Set<TabPrivacy>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("community_notes");
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Title).HasMaxLength(80);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.City).HasMaxLength(40);
            e.Property(n => n.Place).HasMaxLength(60);
            e.Property(n => n.CoverKey).HasMaxLength(80);
            e.Property(n => n.CoverColor).HasMaxLength(7);
            e.HasIndex(n => new { n.AuthorId, n.PublishAt });
            e.HasIndex(n => new { n.Status, n.PublishAt, n.Id });
            e.HasMany(n => n.Media).WithOne().HasForeignKey(m => m.NoteId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NoteMedia>(e =>
        {
            e.ToTable("community_note_media");
            e.HasKey(m => new { m.NoteId, m.Position });
            e.Property(m => m.MediaKey).HasMaxLength(80);
            e.Property(m => m.PosterKey).HasMaxLength(80);
            e.Property(m => m.Color).HasMaxLength(7);
            e.HasIndex(m => m.MediaKey);
        });
        modelBuilder.Entity<VideoJob>(e =>
        {
            e.ToTable("community_video_jobs");
            e.HasKey(j => j.MediaId);
            e.Property(j => j.MediaId).ValueGeneratedNever();
            e.Property(j => j.Source).HasMaxLength(80);
            e.Property(j => j.LeaseOwner).HasMaxLength(80);
            e.Property(j => j.Error).HasMaxLength(400);
            e.HasIndex(j => j.FinishedAt);
        });
        modelBuilder.Entity<MediaAsset>(e =>
        {
            e.ToTable("community_media");
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Key).HasMaxLength(80);
            e.Property(m => m.PosterKey).HasMaxLength(80);
            e.Property(m => m.Color).HasMaxLength(7);
            e.HasIndex(m => m.OwnerId);
        });
        modelBuilder.Entity<Topic>(e =>
        {
            e.ToTable("community_topics");
            e.HasKey(t => t.Name);
            e.Property(t => t.Name).HasMaxLength(Topic.NameMax * 2);
            e.HasIndex(t => t.NoteCount);
        });
        modelBuilder.Entity<NoteTopic>(e =>
        {
            e.ToTable("community_note_topics");
            e.HasKey(t => new { t.NoteId, t.Topic });
            e.Property(t => t.Topic).HasMaxLength(Topic.NameMax * 2);
            e.HasIndex(t => new { t.Topic, t.NoteId });
        });
        modelBuilder.Entity<NoteMention>(e =>
        {
            e.ToTable("community_note_mentions");
            e.HasKey(m => new { m.NoteId, m.UserId });
        });
        modelBuilder.Entity<Follow>(e =>
        {
            e.ToTable("community_follows");
            e.HasKey(f => new { f.FollowerId, f.FolloweeId });
            e.HasIndex(f => new { f.FolloweeId, f.CreatedAt });
        });
        modelBuilder.Entity<Block>(e =>
        {
            e.ToTable("community_blocks");
            e.HasKey(b => new { b.BlockerId, b.BlockedId });
            e.HasIndex(b => b.BlockedId);
        });
        modelBuilder.Entity<UserStats>(e =>
        {
            e.ToTable("community_user_stats");
            e.HasKey(s => s.UserId);
            e.Property(s => s.UserId).ValueGeneratedNever();
        });
        modelBuilder.Entity<NoteLike>(e =>
        {
            e.ToTable("community_likes");
            e.HasKey(l => new { l.NoteId, l.UserId });
            e.HasIndex(l => new { l.UserId, l.CreatedAt });
        });
        modelBuilder.Entity<NotInterested>(e =>
        {
            e.ToTable("community_not_interested");
            e.HasKey(n => new { n.UserId, n.NoteId });
        });
        modelBuilder.Entity<Board>(e =>
        {
            e.ToTable("community_boards");
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.Name).HasMaxLength(Board.NameMax * 2);
            // Names are unique per person; the default board is the one named "".
            e.HasIndex(b => new { b.OwnerId, b.Name }).IsUnique();
        });
        modelBuilder.Entity<BoardItem>(e =>
        {
            e.ToTable("community_board_items");
            e.HasKey(i => new { i.BoardId, i.NoteId });
            // A person keeps a note in one board at most: collecting is once per person.
            e.HasIndex(i => new { i.UserId, i.NoteId }).IsUnique();
        });
        modelBuilder.Entity<Comment>(e =>
        {
            e.ToTable("community_comments");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Body).HasMaxLength(Comment.BodyMax * 2);
            e.Property(c => c.ImageKey).HasMaxLength(80);
            e.HasIndex(c => new { c.NoteId, c.ParentId, c.CreatedAt });
        });
        modelBuilder.Entity<CommentLike>(e =>
        {
            e.ToTable("community_comment_likes");
            e.HasKey(l => new { l.CommentId, l.UserId });
        });
        ConfigureNotifications(modelBuilder);
        ConfigureMessages(modelBuilder);
        ConfigureSeries(modelBuilder);
    }

    private static void ConfigureSeries(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NoteSeries>(e =>
        {
            e.ToTable("community_series");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Name).HasMaxLength(NoteSeries.NameMax * 2);
            e.Property(s => s.Description).HasMaxLength(NoteSeries.DescriptionMax * 2);
            e.HasIndex(s => new { s.OwnerId, s.UpdatedAt });
        });
        modelBuilder.Entity<SeriesNote>(e =>
        {
            e.ToTable("community_series_notes");
            e.HasKey(n => new { n.SeriesId, n.NoteId });
            e.HasIndex(n => n.NoteId).IsUnique();
        });
        modelBuilder.Entity<TabPrivacy>(e =>
        {
            e.ToTable("community_tab_privacy");
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).ValueGeneratedNever();
        });
    }

    private static void ConfigureNotifications(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("community_notifications");
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Type).HasMaxLength(20);
            e.Property(n => n.GroupKey).HasMaxLength(120);
            e.Property(n => n.Excerpt).HasMaxLength(400);
            e.Property(n => n.TextKey).HasMaxLength(120);
            e.Property(n => n.TextArguments).HasMaxLength(2000);
            e.Property(n => n.Link).HasMaxLength(300);
            e.Property(n => n.DedupeKey).HasMaxLength(120);
            e.HasIndex(n => new { n.UserId, n.Category, n.UpdatedAt });
            // One open line per group: concurrent deliveries cannot open two.
            e.HasIndex(n => new { n.UserId, n.GroupKey }).IsUnique().HasFilter("read_at IS NULL");
            e.HasIndex(n => n.DedupeKey).IsUnique();
        });
        modelBuilder.Entity<NotificationActor>(e =>
        {
            e.ToTable("community_notification_actors");
            e.HasKey(a => new { a.NotificationId, a.ActorId });
        });
    }

    private static void ConfigureMessages(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("community_conversations");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.UserLow, c.UserHigh }).IsUnique();
        });
        modelBuilder.Entity<ConversationMember>(e =>
        {
            e.ToTable("community_conversation_members");
            e.HasKey(m => new { m.ConversationId, m.UserId });
            e.HasIndex(m => new { m.UserId, m.LastMessageAt });
        });
        modelBuilder.Entity<DirectMessage>(e =>
        {
            e.ToTable("community_messages");
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Body).HasMaxLength(DirectMessage.BodyMax * 2);
            e.Property(m => m.ImageKey).HasMaxLength(80);
            e.Property(m => m.ClientId).HasMaxLength(DirectMessage.ClientIdMax);
            e.HasIndex(m => new { m.ConversationId, m.Id });
            e.HasIndex(m => new { m.SenderId, m.ClientId }).IsUnique();
        });
    }
}
