namespace Vermilion.Community.Contracts;

/// <summary>
/// A note's page is shared by its readers (kept in memory and, for anonymous readers, rendered once). A module that
/// shows something of its own on the page tells the community when that changed, so the page is drawn afresh.
/// </summary>
public interface INotePages
{
    void Changed(long noteId);
}
