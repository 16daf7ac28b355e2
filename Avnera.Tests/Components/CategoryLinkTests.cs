using Avnera.Web.Features.Storefront;
using Bunit;

namespace Avnera.Tests.Components;

public class CategoryLinkTests : BunitContext
{
    private static readonly CategoryNode Dresses = new(Guid.NewGuid(), "dresses", "Dresses", []);
    private static readonly CategoryNode Tops = new(Guid.NewGuid(), "tops", "Tops", []);
    private static readonly CategoryNode Knitwear = new(Guid.NewGuid(), "knitwear", "Knitwear", []);
    private static readonly CategoryNode Clothing = new(Guid.NewGuid(), "clothing", "Clothing", [Dresses, Tops]);
    private static readonly CategoryNode Women = new(Guid.NewGuid(), "women", "Women", [Clothing, Knitwear]);

    private IRenderedComponent<CategoryLink> RenderCategories(CategoryNode node, CategoryNode? active = null) =>
        Render<CategoryLink>(p => p
            .Add(x => x.Node, node)
            .Add(x => x.StoreSlug, "maison-lumiere")
            .Add(x => x.Active, active));

    [Fact]
    public void CategoryLink_Leaf_RendersOneLinkWithoutSublist()
    {
        var cut = RenderCategories(Dresses);

        cut.MarkupMatches("""<li><a href="/s/maison-lumiere?category=dresses">Dresses</a></li>""");
    }

    [Fact]
    public void CategoryLink_ParentWithChildren_RendersNestedList()
    {
        var cut = RenderCategories(Clothing);

        cut.MarkupMatches("""
            <li>
              <a href="/s/maison-lumiere?category=clothing">Clothing</a>
              <ul>
                <li><a href="/s/maison-lumiere?category=dresses">Dresses</a></li>
                <li><a href="/s/maison-lumiere?category=tops">Tops</a></li>
              </ul>
            </li>
            """);
    }

    [Fact]
    public void CategoryLink_ThreeLevels_NestsEveryLevelInOrder()
    {
        var cut = RenderCategories(Women);

        Assert.Equal(["Women", "Clothing", "Dresses", "Tops", "Knitwear"], cut.FindAll("a").Select(a => a.TextContent));
        var topLevel = cut.Find("ul").Children;
        Assert.Equal(["Clothing", "Knitwear"], topLevel.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Equal(["Dresses", "Tops"], topLevel[0].QuerySelector("ul")!.Children.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Empty(topLevel[1].QuerySelectorAll("ul"));
    }

    [Fact]
    public void CategoryLink_EveryNode_LinksToStoreFilteredByItsCategory()
    {
        var cut = RenderCategories(Women);

        Assert.Equal(
            ["/s/maison-lumiere?category=women", "/s/maison-lumiere?category=clothing", "/s/maison-lumiere?category=dresses",
             "/s/maison-lumiere?category=tops", "/s/maison-lumiere?category=knitwear"],
            cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void CategoryLink_ActiveChild_MarksOnlyThatLink()
    {
        var cut = RenderCategories(Women, active: Tops);

        var current = Assert.Single(cut.FindAll("a[aria-current]"));
        Assert.Equal("Tops", current.TextContent);
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal("Tops", Assert.Single(cut.FindAll("a.active")).TextContent);
    }

    [Fact]
    public void CategoryLink_ActiveParent_DoesNotMarkItsChildren()
    {
        var cut = RenderCategories(Women, active: Clothing);

        Assert.Equal("Clothing", Assert.Single(cut.FindAll("a.active")).TextContent);
        Assert.Equal("Clothing", Assert.Single(cut.FindAll("a[aria-current=page]")).TextContent);
    }

    [Fact]
    public void CategoryLink_ActiveMatchedById_NotByInstance()
    {
        var sameIdOtherInstance = Tops with { Name = "Tops (reloaded)" };

        var cut = RenderCategories(Women, active: sameIdOtherInstance);

        Assert.Equal("Tops", Assert.Single(cut.FindAll("a.active")).TextContent);
    }

    [Fact]
    public void CategoryLink_NoActiveCategory_MarksNothing()
    {
        var cut = RenderCategories(Women);

        Assert.Empty(cut.FindAll("a.active"));
        Assert.Empty(cut.FindAll("a[aria-current]"));
        Assert.Empty(cut.FindAll("a[class]"));
    }

    [Fact]
    public void CategoryLink_ActiveCategoryOutsideTree_MarksNothing()
    {
        var cut = RenderCategories(Clothing, active: Knitwear);

        Assert.Empty(cut.FindAll("a.active"));
        Assert.Empty(cut.FindAll("a[aria-current]"));
    }
}
