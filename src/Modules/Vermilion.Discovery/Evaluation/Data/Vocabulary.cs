namespace Vermilion.Discovery.Evaluation.Data;

/// <summary>Maps a dataset's own user or item tokens to the dense indexes the engine works on, in order of first sight.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
    private readonly List<string> tokens = [];

    public int Count => tokens.Count;

    public int IndexOf(string token)
    {
        if (!indexes.TryGetValue(token, out var index))
        {
            index = tokens.Count;
            indexes.Add(token, index);
            tokens.Add(token);
        }

        return index;
    }

    public bool TryFind(string token, out int index) => indexes.TryGetValue(token, out index);

    public string TokenOf(int index) => tokens[index];
}
