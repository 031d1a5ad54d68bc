using System.Numerics.Tensors;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Content vectors from a note's words: topics weigh most, then the title, then the start of the body. Words are
/// Latin runs (case-folded) and overlapping pairs of CJK characters, hashed with signs into a few dimensions
/// (the hashing trick) and normalised, so two notes compare by a dot product. Stable across processes.
/// </summary>
internal static class ContentVectors
{
    public const int Dimensions = 32;

    public static float[] Of(string title, string excerpt, IReadOnlyList<string> topics, string? channelTopic)
    {
        var vector = new float[Dimensions];
        foreach (var topic in topics)
        {
            Add(vector, "#" + topic, 2f);
            foreach (var word in Words(topic))
            {
                Add(vector, word, 0.5f);
            }
        }

        if (channelTopic is not null)
        {
            Add(vector, "#" + channelTopic, 1.5f);
        }

        foreach (var word in Words(title))
        {
            Add(vector, word, 1f);
        }

        var taken = 0;
        foreach (var word in Words(excerpt))
        {
            if (++taken > 60)
            {
                break;
            }

            Add(vector, word, 0.3f);
        }

        Normalize(vector);
        return vector;
    }

    /// <summary>The words of a query or a title, as the vectors see them.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var latin = new System.Text.StringBuilder();
        char? previous = null;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                if (latin.Length > 0)
                {
                    yield return latin.ToString();
                    latin.Clear();
                }

                if (previous is { } p)
                {
                    yield return string.Concat(p, c);
                }

                previous = c;
            }
            else
            {
                previous = null;
                if (char.IsLetterOrDigit(c))
                {
                    latin.Append(char.ToLowerInvariant(c));
                }
                else if (latin.Length > 0)
                {
                    yield return latin.ToString();
                    latin.Clear();
                }
            }
        }

        if (latin.Length > 0)
        {
            yield return latin.ToString();
        }
    }

    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static void Add(float[] vector, string feature, float weight)
    {
        var hash = Fnv1a(feature);
        vector[(int)(hash % Dimensions)] += (hash & 0x8000_0000) == 0 ? weight : -weight;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
