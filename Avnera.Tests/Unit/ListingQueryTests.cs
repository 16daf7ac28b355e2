using Avnera.Web.Features.Storefront.Listing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Avnera.Tests.Unit;

/// <summary>A hand-edited listing URL always parses to something sensible, never to an error.</summary>
public class ListingQueryTests
{
    private static ListingQuery Parse(string query) => ListingQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Theory]
    [InlineData("?page=-1", 1)]
    [InlineData("?page=0", 1)]
    [InlineData("?page=abc", 1)]
    [InlineData("?page=%2B3", 1)]
    [InlineData("?page=2.5", 1)]
    [InlineData("?page=99999999999", 1)]
    [InlineData("?page=", 1)]
    [InlineData("?page=3", 3)]
    [InlineData("?page=3&page=5", 1)]
    public void Parse_Page_FallsBackToFirstPageWhenMalformed(string query, int expected)
    {
        Assert.Equal(expected, Parse(query).Page);
    }

    [Theory]
    [InlineData("?page=1000", ListingQuery.MaxPage)]
    [InlineData("?page=1001", ListingQuery.MaxPage)]
    [InlineData("?page=2147483647", ListingQuery.MaxPage)]
    public void Parse_PageBeyondTheDeepest_AsksForTheDeepest(string query, int expected)
    {
        Assert.Equal(expected, Parse(query).Page);
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["size"] = ["S", "M", "L"],
        ["colour"] = ["Black", "Navy", "black tie"],
    };

    [Fact]
    public void Restrict_KeepsOnlyTheStoresCodesAndValues_InTheStoresSpelling()
    {
        var restricted = Parse("?f_size=m&f_size=XXXXL&f_size=M&f_colour=%3Cscript%3E&f_brand=nonexistent&page=2").Restrict(Known);
        Assert.Equal(["size"], restricted.Attributes.Keys);
        Assert.Equal(["M"], restricted.Attributes["size"]);
        Assert.Equal(2, restricted.Page);
        Assert.Equal([new("f_size", "M"), new KeyValuePair<string, string?>("page", "2")], restricted.ToQuery(restricted.Page));
    }

    [Fact]
    public void Restrict_OnlyUnknownFilters_LeavesNoFilters()
    {
        var restricted = Parse("?f_colour=Purple&f_material=Linen").Restrict(Known);
        Assert.Empty(restricted.Attributes);
        Assert.False(restricted.HasFilters);
    }

    [Fact]
    public void Restrict_AValueTheStoreHasInTwoCases_KeepsTheExactOne()
    {
        var twoCases = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["M", "m"] };
        Assert.Equal(["m"], Parse("?f_size=m").Restrict(twoCases).Attributes["size"]);
        Assert.Equal(["black tie", "Black"], Parse("?f_colour=black%20tie&f_colour=black").Restrict(Known).Attributes["colour"]);
    }

    [Fact]
    public void Restrict_AllKnown_IsTheSameListing()
    {
        var parsed = Parse("?f_size=M&f_colour=Navy&sort=rating");
        Assert.Same(parsed, parsed.Restrict(Known));
    }

    [Theory]
    [InlineData("?sort=drop%20table")]
    [InlineData("?sort=PRICE-ASC")]
    [InlineData("?sort=")]
    [InlineData("?sort=price-asc%00")]
    public void Parse_UnknownSort_IsNewestAndNotRemembered(string query)
    {
        var parsed = Parse(query);
        Assert.Equal(ListingSort.Newest, parsed.Sort);
        Assert.False(parsed.SortGiven);
        Assert.DoesNotContain(parsed.ToQuery(), kv => kv.Key == "sort");
    }

    [Theory]
    [InlineData("relevance", ListingSort.Relevance)]
    [InlineData("newest", ListingSort.Newest)]
    [InlineData("price-asc", ListingSort.PriceAscending)]
    [InlineData("price-desc", ListingSort.PriceDescending)]
    [InlineData("rating", ListingSort.Rating)]
    public void Parse_KnownSort_IsKeptAndRoundTrips(string key, ListingSort sort)
    {
        var parsed = Parse("?sort=" + key);
        Assert.Equal(sort, parsed.Sort);
        Assert.True(parsed.SortGiven);
        Assert.Equal(key, ListingQuery.SortKey(parsed.Sort));
    }

    [Fact]
    public void Parse_SearchWithoutSort_SortsByRelevance()
    {
        var parsed = Parse("?q=linen");
        Assert.Equal("linen", parsed.Search);
        Assert.Equal(ListingSort.Relevance, parsed.Sort);
        Assert.False(parsed.SortGiven);
    }

    [Fact]
    public void Parse_TenKilobyteSearch_IsCutToTheLimit()
    {
        var parsed = Parse("?q=" + new string('a', 10 * 1024));
        Assert.Equal(ListingQuery.MaxSearchLength, parsed.Search!.Length);
    }

    [Theory]
    [InlineData("?q=")]
    [InlineData("?q=%20%20%20")]
    [InlineData("")]
    public void Parse_BlankSearch_IsNoSearch(string query)
    {
        var parsed = Parse(query);
        Assert.Null(parsed.Search);
        Assert.Equal(ListingSort.Newest, parsed.Sort);
    }

    [Fact]
    public void Parse_MinAboveMax_SwapsThem()
    {
        var parsed = Parse("?min=200&max=50");
        Assert.Equal(50m, parsed.MinPrice);
        Assert.Equal(200m, parsed.MaxPrice);
    }

    [Theory]
    [InlineData("?min=abc&max=-5")]
    [InlineData("?min=1e400&max=NaN")]
    [InlineData("?min=99999999999&max=%00")]
    [InlineData("?min=&max=")]
    public void Parse_UnreadablePrices_AreIgnored(string query)
    {
        var parsed = Parse(query);
        Assert.Null(parsed.MinPrice);
        Assert.Null(parsed.MaxPrice);
        Assert.False(parsed.HasFilters);
    }

    [Fact]
    public void Parse_Prices_ReadWithInvariantCultureAndRoundedToCents()
    {
        var parsed = Parse("?min=12.5&max=99.999");
        Assert.Equal(12.5m, parsed.MinPrice);
        Assert.Equal(100.00m, parsed.MaxPrice);
    }

    [Fact]
    public void Parse_AttributeFilters_CollectsRepeatedValuesPerCode()
    {
        var parsed = Parse("?f_size=M&f_size=L&F_Colour=Black&f_size=M");
        Assert.Equal(["M", "L"], parsed.Attributes["size"]);
        Assert.Equal(["Black"], parsed.Attributes["colour"]);
        Assert.True(parsed.IsSelected("size", "m"));
        Assert.False(parsed.IsSelected("size", "XL"));
        Assert.True(parsed.HasFilters);
    }

    [Fact]
    public void Parse_GarbageAttributeFilters_AreDropped()
    {
        var parsed = Parse("?f_size=&f_size=%20&f_size=" + new string('x', 101) + "&f_colour=Bl%00ack&f_" + new string('k', 80) + "=1&fsize=M");
        Assert.False(parsed.Attributes.ContainsKey("size"));
        Assert.False(parsed.Attributes.ContainsKey("colour"));
        Assert.DoesNotContain(parsed.Attributes.Keys, k => k.StartsWith('k'));
        Assert.False(parsed.Attributes.ContainsKey("ize"));
    }

    [Fact]
    public void Parse_ManyValues_KeepsAtMostTheLimitPerFacet()
    {
        var query = string.Join("&", Enumerable.Range(0, 50).Select(i => $"f_size=v{i}"));
        Assert.Equal(ListingQuery.MaxValuesPerFacet, Parse("?" + query).Attributes["size"].Count);
    }

    [Theory]
    [InlineData("?instock=1", true)]
    [InlineData("?instock=true", true)]
    [InlineData("?instock=on", true)]
    [InlineData("?instock=yes", false)]
    [InlineData("?instock=0", false)]
    public void Parse_InStock_AcceptsTheFormsValues(string query, bool expected)
    {
        Assert.Equal(expected, Parse(query).InStockOnly);
    }

    [Fact]
    public void ToQuery_ParsesBackToTheSameListing()
    {
        var parsed = Parse("?q=linen&sort=price-asc&f_size=M&f_size=L&f_colour=Black&min=10&max=90&instock=1");
        var again = Parse("?" + string.Join("&", parsed.ToQuery(page: 3).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}")));
        Assert.Equal(parsed.Search, again.Search);
        Assert.Equal(parsed.Sort, again.Sort);
        Assert.Equal(3, again.Page);
        Assert.Equal(parsed.MinPrice, again.MinPrice);
        Assert.Equal(parsed.MaxPrice, again.MaxPrice);
        Assert.True(again.InStockOnly);
        Assert.Equal(parsed.Attributes["size"], again.Attributes["size"]);
        Assert.Equal(parsed.Attributes["colour"], again.Attributes["colour"]);
    }

    [Fact]
    public void ToQuery_FirstPage_LeavesPageOut()
    {
        Assert.DoesNotContain(Parse("?f_size=M").ToQuery(page: 1), kv => kv.Key == "page");
    }

    [Fact]
    public void Toggle_AddsThenRemovesAValue_AndGoesBackToPageOne()
    {
        var parsed = Parse("?f_size=M&page=4");
        var added = parsed.Toggle("size", "L");
        Assert.Equal(["M", "L"], added.Attributes["size"]);
        Assert.Equal(1, added.Page);
        var removed = added.Toggle("size", "M").Toggle("size", "L");
        Assert.False(removed.Attributes.ContainsKey("size"));
        Assert.Equal(["M"], parsed.Attributes["size"]); // the original is untouched
    }
}
