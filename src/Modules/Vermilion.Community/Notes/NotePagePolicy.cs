using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>
/// How anonymous readers share a note's rendered page: one copy per note, language and comment order, for
/// <see cref="SharedNotes.Life"/>, tagged with the note so its changes on this node drop it (<see cref="NotePageEviction"/>).
/// The framework's default rules still apply: only anonymous GETs, only a 200 without cookies, one render at a time.
/// </summary>
internal static class NotePagePolicy
{
    public static void Add(OutputCacheOptions options) => options.AddPolicy(SharedNotes.PagePolicy, policy => policy
        .Expire(SharedNotes.Life)
        .SetVaryByRouteValue("id")
        .SetVaryByQuery("sort")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
        .AddPolicy<TagWithNote>());

    private sealed class TagWithNote : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.GetRouteValue("id") is string id && ShortId.TryDecode(id, out var noteId))
            {
                context.Tags.Add(SharedNotes.PageTag(noteId));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
