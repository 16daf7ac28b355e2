using Avnera.Web.Features.Storefront.Listing;
using Bunit;

namespace Avnera.Tests.Unit;

/// <summary>Search highlighting marks the start of words the search matched (prefix search), nothing else.</summary>
public class HighlightTests
{
    private static List<(string, bool)> Split(string text, params string[] terms) => Highlight.Split(text, terms).ToList();

    [Fact]
    public void Split_PrefixOfAWord_MarksThePrefixOnly()
    {
        Assert.Equal([("Lin", true), ("en Dress", false)], Split("Linen Dress", "lin"));
    }

    [Fact]
    public void Split_IgnoresCase_AndKeepsTheTextsOwnCase()
    {
        Assert.Equal([("Classic ", false), ("LINEN", true)], Split("Classic LINEN", "linen"));
    }

    [Fact]
    public void Split_MatchInsideAWord_IsNotMarked()
    {
        Assert.Equal([("Crinoline", false)], Split("Crinoline", "lin"));
    }

    [Fact]
    public void Split_SeveralTerms_MarksEachWordStart_LongestTermWins()
    {
        Assert.Equal([("Linen", true), (" ", false), ("Dress", true)], Split("Linen Dress", "l", "linen", "dress"));
    }

    [Fact]
    public void Split_WordsAfterPunctuation_AreWordsToo()
    {
        Assert.Equal([("T-", false), ("Shirt", true), (" (", false), ("navy", true), (")", false)], Split("T-Shirt (navy)", "shirt", "navy"));
    }

    [Fact]
    public void Split_RepeatedWord_MarksEveryOccurrence()
    {
        Assert.Equal(2, Split("linen and linen", "linen").Count(p => p.Item2));
    }

    [Fact]
    public void Split_NoTerms_ReturnsTheTextUnmarked()
    {
        Assert.Equal([("Linen Dress", false)], Highlight.Split("Linen Dress", null).ToList());
        Assert.Equal([("Linen Dress", false)], Split("Linen Dress"));
    }

    [Fact]
    public void Split_PartsJoinBackToTheText()
    {
        const string text = "Robe midi décontractée — en lin, 100 %";
        Assert.Equal(text, string.Concat(Split(text, "lin", "rob", "100", "déc").Select(p => p.Item1)));
    }

    [Fact]
    public void Render_MarksWithMark_AndEncodesMarkup()
    {
        using var ctx = new BunitContext();
        var cut = ctx.Render<Highlight>(p => p.Add(x => x.Text, "<b>Linen</b> dress").Add(x => x.Terms, ["linen"]));
        Assert.Equal("Linen", cut.Find("mark").TextContent);
        Assert.Empty(cut.FindAll("b"));
        Assert.Contains("&lt;b&gt;", cut.Markup);
    }
}
