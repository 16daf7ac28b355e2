using System.Globalization;
using System.Text.RegularExpressions;
using Avnera.Web.Features.Storefront;

namespace Avnera.Tests.Unit;

public class MoneyTests
{
    /// <summary>ICU versions differ in the space they use (U+0020, U+00A0 or U+202F): compare with one plain space.</summary>
    private static string Spaces(string s) => Regex.Replace(s, @"[\s\u00A0\u202F]+", " ");

    [Fact]
    public void Format_EuroInFrenchStore_UsesCommaAndTrailingSymbol()
    {
        Assert.Equal("79,90 €", Spaces(Money.Format(79.90m, "EUR", "fr-FR")));
    }

    [Fact]
    public void Format_DollarInUsStore_UsesLeadingSymbolAndPoint()
    {
        Assert.Equal("$79.90", Money.Format(79.90m, "USD", "en-US"));
    }

    [Fact]
    public void Format_ThousandsInFrenchStore_GroupsDigits()
    {
        Assert.Equal("1 234,50 €", Spaces(Money.Format(1234.5m, "EUR", "fr-FR")));
    }

    [Fact]
    public void Format_DollarInFrenchStore_ShowsUnambiguousCodeWithFrenchSeparators()
    {
        var text = Spaces(Money.Format(79.90m, "USD", "fr-FR"));

        // "$" alone could be any dollar to a French shopper.
        Assert.Equal("79,90 USD", text);
        Assert.DoesNotContain("€", text);
        Assert.StartsWith("79,90", text);
    }

    [Fact]
    public void Format_EuroInUsStore_ShowsEuroNotDollar()
    {
        var text = Money.Format(79.90m, "EUR", "en-US");

        Assert.Contains("€", text);
        Assert.DoesNotContain("$", text);
        Assert.Contains("79.90", text);
    }

    [Fact]
    public void Format_PoundInGermanStore_ShowsPoundWithGermanSeparators()
    {
        var text = Spaces(Money.Format(79.90m, "GBP", "de-DE"));

        Assert.Contains("£", text);
        Assert.Contains("79,90", text);
    }

    [Theory]
    [InlineData("not a culture")]
    [InlineData("xx-YY")]
    [InlineData("")]
    public void Format_UnknownCulture_StillShowsAmountAndCurrency(string culture)
    {
        var text = Money.Format(79.90m, "EUR", culture);

        Assert.Contains("79", text);
        Assert.Contains("€", text);
    }

    [Fact]
    public void Format_UnknownCurrency_ShowsTheCurrencyCode()
    {
        Assert.Contains("XYZ", Money.Format(5m, "XYZ", "en-US"));
    }

    [Fact]
    public void Format_DoesNotDependOnTheServerCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("$79.90", Money.Format(79.90m, "USD", "en-US"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
