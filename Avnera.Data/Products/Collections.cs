using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>A hand-picked, ordered set of products (e.g. "Summer sale"), independent of the category tree.</summary>
public class Collection : TenantEntity
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsPublished { get; set; } = true;
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<CollectionProduct> Products { get; set; } = [];
}

/// <summary>Membership of a product in a collection, with its place in the collection.</summary>
public class CollectionProduct : ITenantEntity
{
    public Guid StoreId { get; set; }
    public Guid CollectionId { get; set; }
    public Collection? Collection { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public int Position { get; set; }
}
