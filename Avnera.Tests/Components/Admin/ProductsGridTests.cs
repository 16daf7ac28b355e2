using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Web.Features.Admin.Products;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Avnera.Tests.Components.Admin;

/// <summary>
/// The admin product grid (MudDataGrid with ServerData) asks its source for exactly the page, sort and search on
/// screen, and shows what came back: rows, the count, or an empty state that says why and how to get out of it.
/// </summary>
public class ProductsGridTests : BunitContext, IAsyncLifetime
{
    /// <summary>The grid loads through a debounce timer and async renders: room for a busy machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly List<AdminProductQuery> _queries = [];

    public ProductsGridTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private AdminProductQuery Last => _queries[^1];

    private static AdminProductRow Row(int i) =>
        new(Guid.NewGuid(), $"Product {i:000}", $"product-{i}", "Mugs", 10 + i, 2, 5, PublishStatus.Published, DateTimeOffset.UnixEpoch, null);

    /// <summary>A source over <paramref name="total"/> products, where a search matches nothing unless it is "product".</summary>
    private IRenderedComponent<ProductsGrid> RenderGrid(int total = 45, Exception? failure = null)
    {
        Render<MudPopoverProvider>(); // the pager's page-size menu opens in it, as in AdminLayout
        var cut = Render<ProductsGrid>(p => p.Add(x => x.Source, (q, _) =>
        {
            _queries.Add(q);
            if (failure is not null) throw failure;
            var matching = q.Search is null || q.Search == "product" ? total : 0;
            var rows = Enumerable.Range(q.Skip, Math.Clamp(matching - q.Skip, 0, q.Take)).Select(Row).ToList();
            return Task.FromResult(new AdminProductPage(rows, matching));
        }));
        cut.WaitForAssertion(() => Assert.NotEmpty(_queries), Patience);
        return cut;
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<ProductsGrid> cut) =>
        cut.FindAll("tbody tr td:first-child .name").Select(n => n.TextContent).ToList();

    private static IElement Button(IRenderedComponent<ProductsGrid> cut, string label) => cut.Find($"button[aria-label='{label}']");

    private static IElement SortButton(IRenderedComponent<ProductsGrid> cut, string column) =>
        cut.FindAll("thead th").Single(th => th.QuerySelector(".sortable-column-header")?.TextContent == column)
            .QuerySelector("button.sort-direction-icon")!;

    private static void Search(IRenderedComponent<ProductsGrid> cut, string text) => cut.Find("input[type=search]").Input(text);

    [Fact]
    public void FirstLoad_AsksForTheFirstPageByName_AndShowsItsRowsAndCount()
    {
        var cut = RenderGrid();

        Assert.Equal(new AdminProductQuery(0, 20, AdminProductSort.Name, false, null), Assert.Single(_queries));
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Count), Patience);
        Assert.Equal("Product 000", Names(cut)[0]);
        Assert.Contains("1–20 of 45", cut.Find(".mud-table-pagination").TextContent);
        Assert.Equal("Products", cut.Find("table").GetAttribute("aria-label"));
    }

    [Fact]
    public void NextPage_AsksForTheNextTwenty_AndTheLastPageForTheRest()
    {
        var cut = RenderGrid();

        Button(cut, "Next page").Click();
        cut.WaitForAssertion(() => Assert.Equal(20, Last.Skip), Patience);
        cut.WaitForAssertion(() => Assert.Equal("Product 020", Names(cut)[0]), Patience);

        Button(cut, "Last page").Click();
        cut.WaitForAssertion(() => Assert.Equal(40, Last.Skip), Patience);
        cut.WaitForAssertion(() => Assert.Equal(5, Names(cut).Count), Patience);
        Assert.Contains("41–45 of 45", cut.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public void SortingAColumn_AsksTheSourceToSortByIt_AscendingThenDescending()
    {
        var cut = RenderGrid();

        SortButton(cut, "Price").Click();
        cut.WaitForAssertion(() => Assert.Equal((AdminProductSort.Price, false), (Last.Sort, Last.Descending)), Patience);
        SortButton(cut, "Price").Click();
        cut.WaitForAssertion(() => Assert.Equal((AdminProductSort.Price, true), (Last.Sort, Last.Descending)), Patience);

        SortButton(cut, "Available").Click();
        cut.WaitForAssertion(() => Assert.Equal((AdminProductSort.Stock, false), (Last.Sort, Last.Descending)), Patience);
        Assert.Equal(0, Last.Skip);
    }

    [Fact]
    public void Search_AsksTheSourceFromTheFirstPage_WithTheTrimmedText()
    {
        var cut = RenderGrid();
        Button(cut, "Next page").Click();
        cut.WaitForAssertion(() => Assert.Equal(20, Last.Skip), Patience);

        Search(cut, "  product ");

        cut.WaitForAssertion(() => Assert.Equal(("product", 0), (Last.Search, Last.Skip)), Patience);
        cut.WaitForAssertion(() => Assert.Equal("Product 000", Names(cut)[0]), Patience);
    }

    [Fact]
    public async Task SearchWithoutMatches_SaysWhatWasSearched_AndClearSearchShowsEveryProductAgain()
    {
        var cut = RenderGrid();

        Search(cut, "skillet");

        cut.WaitForAssertion(() => Assert.Contains("No products match “skillet”", cut.Find(".empty[role=status]").TextContent), Patience);
        Assert.Empty(Names(cut));
        await cut.InvokeAsync(() => cut.FindAll(".empty button").Single(b => b.TextContent.Trim() == "Clear search").Click());
        cut.WaitForAssertion(() => Assert.Null(Last.Search), Patience);
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Count), Patience);
        Assert.Equal("", cut.Find("input[type=search]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void StoreWithoutProducts_SaysSo_WithoutOfferingToClearASearch()
    {
        var cut = RenderGrid(total: 0);

        cut.WaitForAssertion(() => Assert.Contains("This store has no products yet", cut.Find(".empty[role=status]").TextContent), Patience);
        Assert.Empty(cut.FindAll(".empty button"));
    }

    [Fact]
    public void StoreSuspendedWhileOpen_ShowsWhyInsteadOfAnEmptyList()
    {
        var cut = RenderGrid(failure: new StoreUnavailableException(Guid.NewGuid(), "oak", Avnera.Data.Master.StoreStatus.Suspended));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-alert")), Patience);
        Assert.Empty(Names(cut));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would call Dispose() otherwise.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
