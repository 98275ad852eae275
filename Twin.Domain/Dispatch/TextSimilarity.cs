namespace Twin.Domain.Dispatch;

/// <summary>
/// Similarity of short Chinese texts by character bigrams. Chinese has no spaces and words are one
/// to four characters, so overlapping character pairs catch shared words (噪声, 施工) without a
/// segmenter; punctuation and spaces are dropped first.
/// </summary>
public static class TextSimilarity
{
    /// <summary>The distinct bigrams of a text, sorted, each packed as two UTF-16 units into an int.</summary>
    public static int[] Bigrams(string text)
    {
        Span<char> kept = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[n++] = char.ToLowerInvariant(c);
            }
        }

        if (n < 2)
        {
            return n == 1 ? [kept[0]] : [];
        }

        var pairs = new int[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            pairs[i] = (kept[i] << 16) | kept[i + 1];
        }

        Array.Sort(pairs);
        var distinct = 1;
        for (var i = 1; i < pairs.Length; i++)
        {
            if (pairs[i] != pairs[distinct - 1])
            {
                pairs[distinct++] = pairs[i];
            }
        }

        return pairs[..distinct];
    }

    /// <summary>Sørensen–Dice of two sorted distinct bigram sets: 2|A∩B| / (|A| + |B|).</summary>
    public static double Dice(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length + b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * shared / (a.Length + b.Length);
    }
}
