using Avnera.Web.Features.Admin.Products;

namespace Avnera.Tests.Unit;

/// <summary>The admin search's ILIKE pattern: "contains" the person's text, with the pattern's own wildcards taken literally.</summary>
public class AdminProductsSearchTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData(" linen ", "%linen%")]
    [InlineData("50%_off", @"%50\%\_off%")]
    [InlineData(@"a\b", @"%a\\b%")]
    public void SearchPattern_MatchesTheTextLiterally(string? search, string? pattern) =>
        Assert.Equal(pattern, AdminProducts.SearchPattern(search));

    [Fact]
    public void SearchPattern_OfAPastedEssay_IsCutToTheLongestSearch()
    {
        var pattern = AdminProducts.SearchPattern(new string('x', 10_000))!;
        Assert.Equal(AdminProductQuery.MaxSearchLength + 2, pattern.Length);
    }
}
