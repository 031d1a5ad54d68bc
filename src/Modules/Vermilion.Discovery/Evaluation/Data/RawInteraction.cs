namespace Vermilion.Discovery.Evaluation.Data;

/// <summary>One line's worth of a dataset before tokens become indexes. Time is the file's own clock or a position.</summary>
internal readonly record struct RawInteraction(string User, string Item, long Time);
