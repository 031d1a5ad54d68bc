namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Where notes are: a grid of cells about 22 km on a side (0.2°) holding the notes placed in them, and each
/// city's notes, both best first by popularity, for the nearby feed (同城).
/// </summary>
internal sealed class PlaceIndex
{
    public const double CellDegrees = 0.2;
    private const double EarthRadiusKm = 6371;

    private readonly Dictionary<(int, int), int[]> cells;
    private readonly Dictionary<string, int[]> cities;

    private PlaceIndex(Dictionary<(int, int), int[]> cells, Dictionary<string, int[]> cities)
    {
        this.cells = cells;
        this.cities = cities;
    }

    public IReadOnlyCollection<string> Cities => cities.Keys;

    public static PlaceIndex Build(NoteInfo[] notes, bool[] hidden, float[] popularity, int perCity)
    {
        var cellLists = new Dictionary<(int, int), List<int>>();
        var cityLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Length; i++)
        {
            if (hidden[i])
            {
                continue;
            }

            var note = notes[i];
            if (note.HasPlace)
            {
                var cell = CellOf(note.Latitude, note.Longitude);
                if (!cellLists.TryGetValue(cell, out var list))
                {
                    cellLists[cell] = list = [];
                }

                list.Add(i);
            }

            if (note.City.Length > 0)
            {
                if (!cityLists.TryGetValue(note.City, out var list))
                {
                    cityLists[note.City] = list = [];
                }

                list.Add(i);
            }
        }

        int[] Best(List<int> list, int max) => [.. list.OrderByDescending(i => popularity[i]).ThenByDescending(i => i).Take(max)];
        return new PlaceIndex(
            cellLists.ToDictionary(p => p.Key, p => Best(p.Value, int.MaxValue)),
            cityLists.ToDictionary(p => p.Key, p => Best(p.Value, perCity), StringComparer.Ordinal));
    }

    public IReadOnlyList<int> InCity(string city) => cities.TryGetValue(city, out var list) ? list : [];

    /// <summary>Notes in the cells around a point, out to about <paramref name="radiusKm"/>.</summary>
    public IEnumerable<int> Around(double latitude, double longitude, double radiusKm)
    {
        var (row, column) = CellOf(latitude, longitude);
        var rows = (int)Math.Ceiling(radiusKm / (CellDegrees * 111.0));
        var columns = (int)Math.Ceiling(radiusKm / (CellDegrees * 111.0 * Math.Max(0.1, Math.Cos(latitude * Math.PI / 180))));
        for (var r = row - rows; r <= row + rows; r++)
        {
            for (var c = column - columns; c <= column + columns; c++)
            {
                if (cells.TryGetValue((r, c), out var list))
                {
                    foreach (var note in list)
                    {
                        yield return note;
                    }
                }
            }
        }
    }

    public static (int Row, int Column) CellOf(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLng = (lng2 - lng1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
