using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Boards;

public sealed record BoardRequest(string? Name, bool IsPrivate = false);

public sealed record BoardView(string Id, string Name, bool IsPrivate, bool IsDefault, int NoteCount);

/// <summary>Makes and lists boards; private boards are seen only by their owner.</summary>
internal sealed class BoardHandler(CommunityDb db, IdGenerator ids, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<BoardView>> CreateAsync(long ownerId, BoardRequest request, CancellationToken cancellationToken)
    {
        var name = NoteText.Clean(request.Name);
        if (name.Length == 0 || NoteText.Length(name) > Board.NameMax)
        {
            return Failure.Invalid("name", text["community.board.name", Board.NameMax]);
        }

        if (await db.Boards.AnyAsync(b => b.OwnerId == ownerId && b.Name == name, cancellationToken))
        {
            return Failure.Invalid("name", text["community.board.exists"]) with { Kind = FailureKind.Conflict };
        }

        var board = new Board { Id = ids.Next(), OwnerId = ownerId, Name = name, IsPrivate = request.IsPrivate, CreatedAt = clock.GetUtcNow() };
        db.Boards.Add(board);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Failure.Invalid("name", text["community.board.exists"]) with { Kind = FailureKind.Conflict };
        }

        return ToView(board);
    }

    /// <summary>The person's default board, made on first use (the unique name index settles races).</summary>
    public async Task<long> DefaultBoardAsync(long ownerId, CancellationToken cancellationToken)
    {
        var existing = await db.Boards.Where(b => b.OwnerId == ownerId && b.IsDefault).Select(b => (long?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_boards (id, owner_id, name, is_private, is_default, note_count, created_at) VALUES ({ids.Next()}, {ownerId}, '', {false}, {true}, 0, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Boards.Where(b => b.OwnerId == ownerId && b.IsDefault).Select(b => b.Id).FirstAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BoardView>> ListAsync(long ownerId, long? viewer, CancellationToken cancellationToken)
    {
        var boards = await db.Boards.AsNoTracking().Where(b => b.OwnerId == ownerId && (!b.IsPrivate || b.OwnerId == viewer))
            .OrderByDescending(b => b.IsDefault).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return [.. boards.Select(ToView)];
    }

    public async Task<Board?> FindVisibleAsync(long boardId, long? viewer, CancellationToken cancellationToken) =>
        await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId && (!b.IsPrivate || b.OwnerId == viewer), cancellationToken);

    public BoardView ToView(Board board) =>
        new(ShortId.Encode(board.Id), board.IsDefault ? text["community.board.default"] : board.Name, board.IsPrivate, board.IsDefault, board.NoteCount);
}
