using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Likes;

/// <summary>
/// Which of a page's notes the reader liked: asked on every feed page, so it is one fixed statement per database
/// (the ids passed as one array value) instead of a query translated anew for each page size.
/// </summary>
internal sealed class LikedNotes(DatabaseSettings settings)
{
    private const string SqliteText = "SELECT note_id FROM community_likes WHERE user_id = $viewer AND note_id IN (SELECT value FROM json_each($ids))";
    private const string PostgresText = "SELECT note_id FROM community_likes WHERE user_id = @viewer AND note_id = ANY(@ids)";

    public async Task<HashSet<long>> AmongAsync(CommunityDb db, long viewer, IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        var liked = new HashSet<long>();
        if (noteIds.Count == 0)
        {
            return liked;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = settings.IsSqlite ? SqliteText : PostgresText;
            Add(command, "viewer", viewer);
            Add(command, "ids", settings.IsSqlite ? "[" + string.Join(',', noteIds) + "]" : noteIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                liked.Add(reader.GetInt64(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return liked;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
