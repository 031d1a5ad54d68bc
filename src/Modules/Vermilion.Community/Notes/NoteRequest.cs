namespace Vermilion.Community.Notes;

/// <summary>
/// A note as the author sends it, to create or (with nulls for "unchanged") to edit. <c>SeriesId</c> puts the note
/// in one of the author's series; on edit, an empty string takes it out of its series. A video note sends its one
/// video in <c>MediaIds</c> and, in <c>PosterId</c>, the picture (a frame the browser took) that becomes its cover.
/// </summary>
public sealed record NoteRequest(
    string? Type = null,
    string? Title = null,
    string? Body = null,
    IReadOnlyList<string>? MediaIds = null,
    int? CoverIndex = null,
    int? CardStyle = null,
    string? City = null,
    string? Place = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Privacy = null,
    DateTimeOffset? PublishAt = null,
    bool Draft = false,
    string? SeriesId = null,
    string? PosterId = null);
