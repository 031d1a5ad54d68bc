using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Tests.Search.Analysis;

/// <summary>The lexicon learned once from the whole review corpus, shared by the analysis tests.</summary>
internal static class CorpusLexicon
{
    private static readonly Lazy<Lexicon> Learned = new(() =>
    {
        var learner = new LexiconLearner(new LexiconSettings());
        foreach (var review in ReviewCorpus.All)
        {
            learner.Add(review.Text);
        }

        return learner.Learn();
    });

    public static Lexicon Lexicon => Learned.Value;
}
