using Avnera.Data.Products;

namespace Avnera.Tests.Unit;

/// <summary>Products and CMS pages are published, unpublished and archived through methods that refuse illegal moves.</summary>
public class PublishingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static Product NewProduct() => new(T0) { Slug = "linen-dress", Name = "Linen dress", Price = 89.90m };

    [Fact]
    public void NewProduct_IsADraftCreatedAtItsTime()
    {
        var product = NewProduct();

        Assert.Equal(PublishStatus.Draft, product.Status);
        Assert.Equal(T0, product.CreatedAt);
        Assert.Equal(T0, product.UpdatedAt);
        Assert.Null(product.PublishedAt);
    }

    [Fact]
    public void Publish_Draft_PublishesAndKeepsTheFirstPublicationDate()
    {
        var product = NewProduct();

        product.Publish(T0.AddDays(1));
        product.Unpublish(T0.AddDays(2));
        product.Publish(T0.AddDays(3));

        Assert.Equal(PublishStatus.Published, product.Status);
        Assert.Equal(T0.AddDays(1), product.PublishedAt);
        Assert.Equal(T0.AddDays(3), product.UpdatedAt);
    }

    [Fact]
    public void Archive_ThenUnpublish_ComesBackAsADraft()
    {
        var product = NewProduct();
        product.Publish(T0);

        product.Archive(T0.AddDays(1));
        Assert.Equal(PublishStatus.Archived, product.Status);
        product.Unpublish(T0.AddDays(2));

        Assert.Equal(PublishStatus.Draft, product.Status);
        Assert.Equal(T0.AddDays(2), product.UpdatedAt);
    }

    [Fact]
    public void Publish_Archived_ThrowsAndStaysArchived()
    {
        var product = NewProduct();
        product.Archive(T0.AddDays(1));

        var error = Assert.Throws<InvalidOperationException>(() => product.Publish(T0.AddDays(2)));

        Assert.Equal(PublishStatus.Archived, product.Status);
        Assert.Null(product.PublishedAt);
        Assert.Equal(T0.AddDays(1), product.UpdatedAt);
        Assert.Contains("linen-dress", error.Message);
        Assert.Contains("from Archived to Published", error.Message);
    }

    [Fact]
    public void RepeatedMoves_AreRefused()
    {
        var product = NewProduct();
        product.Publish(T0);

        Assert.Throws<InvalidOperationException>(() => product.Publish(T0.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => NewProduct().Unpublish(T0));
        product.Archive(T0);
        Assert.Throws<InvalidOperationException>(() => product.Archive(T0));
    }

    [Fact]
    public void CmsPage_FollowsTheSameRule()
    {
        var page = new CmsPage(T0) { Slug = "about", Language = "fr", Title = "À propos" };

        page.Publish(T0.AddHours(1));
        Assert.Equal(PublishStatus.Published, page.Status);
        Assert.Equal(T0.AddHours(1), page.PublishedAt);
        page.Archive(T0.AddHours(2));

        var error = Assert.Throws<InvalidOperationException>(() => page.Publish(T0.AddHours(3)));
        Assert.Contains("'about' (fr)", error.Message);
        Assert.Equal(PublishStatus.Archived, page.Status);
        Assert.Equal(T0.AddHours(2), page.UpdatedAt);
    }
}
