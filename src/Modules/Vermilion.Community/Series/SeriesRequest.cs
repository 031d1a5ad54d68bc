namespace Vermilion.Community.Series;

/// <summary>A series' name and description, to create it or (nulls unchanged) to edit it.</summary>
public sealed record SeriesRequest(string? Name = null, string? Description = null);

/// <summary>The notes of a series in their new order: every note of the series, each once.</summary>
public sealed record SeriesOrderRequest(IReadOnlyList<string>? NoteIds);

/// <summary>A note to add at the end of a series.</summary>
public sealed record SeriesNoteRequest(string? NoteId);
