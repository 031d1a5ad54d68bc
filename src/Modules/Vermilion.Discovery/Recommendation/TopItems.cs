namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// Picks the best k items from a dense score vector without sorting all of them. Ties go to the more popular item,
/// then the lower index, so a source that knows nothing about an item falls back to popularity, never to chance.
/// Items scored negative infinity (history, exclusions) are never picked.
/// </summary>
internal static class TopItems
{
    public static int[] Select(ReadOnlySpan<float> scores, int k, ReadOnlySpan<int> popularity)
    {
        k = Math.Min(k, scores.Length);
        if (k <= 0)
        {
            return [];
        }

        // A min-heap of the best k so far: the root is the weakest kept item.
        var heap = new int[k];
        var size = 0;
        for (var item = 0; item < scores.Length; item++)
        {
            var score = scores[item];
            if (float.IsNegativeInfinity(score) || float.IsNaN(score))
            {
                continue;
            }

            if (size < k)
            {
                heap[size] = item;
                SiftUp(heap, size++, scores, popularity);
            }
            else if (Better(item, heap[0], scores, popularity))
            {
                heap[0] = item;
                SiftDown(heap, size, scores, popularity);
            }
        }

        // Popping the weakest to the back leaves the array best first.
        for (var end = size - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            SiftDown(heap, end, scores, popularity);
        }

        return size == k ? heap : heap[..size];
    }

    private static bool Better(int a, int b, ReadOnlySpan<float> scores, ReadOnlySpan<int> popularity)
    {
        if (scores[a] != scores[b])
        {
            return scores[a] > scores[b];
        }

        var pa = popularity.IsEmpty ? 0 : popularity[a];
        var pb = popularity.IsEmpty ? 0 : popularity[b];
        return pa != pb ? pa > pb : a < b;
    }

    private static void SiftUp(int[] heap, int at, ReadOnlySpan<float> scores, ReadOnlySpan<int> popularity)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Better(heap[parent], heap[at], scores, popularity))
            {
                break;
            }

            (heap[parent], heap[at]) = (heap[at], heap[parent]);
            at = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, ReadOnlySpan<float> scores, ReadOnlySpan<int> popularity)
    {
        var at = 0;
        while (true)
        {
            var left = 2 * at + 1;
            if (left >= size)
            {
                return;
            }

            var weakest = left + 1 < size && Better(heap[left], heap[left + 1], scores, popularity) ? left + 1 : left;
            if (!Better(heap[at], heap[weakest], scores, popularity))
            {
                return;
            }

            (heap[at], heap[weakest]) = (heap[weakest], heap[at]);
            at = weakest;
        }
    }
}
