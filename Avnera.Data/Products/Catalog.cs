using Avnera.Data.Common;

namespace Avnera.Data.Products;

public enum PublishStatus { Draft, Published, Archived }

/// <summary>A node of the store's category tree.</summary>
public class Category : TenantEntity
{
    public Guid? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public bool IsPublished { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<CategoryTranslation> Translations { get; set; } = [];
}

public class Product : TenantEntity
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Markdown; rendered safely (no raw HTML) on the storefront.</summary>
    public string? Description { get; set; }
    public string? Brand { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }
    /// <summary>Price shown when a variant does not override it.</summary>
    public decimal Price { get; set; }
    public decimal? CompareAtPrice { get; set; }
    public decimal RatingAverage { get; set; }
    public int RatingCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// Listing index, maintained by the database, never written by EF: "code:value" of every filterable
    /// attribute of the product and its active variants (rebuilt by <see cref="ProductSearchIndex"/>), so
    /// facets count and filter on the products table alone.
    /// </summary>
    public List<string> FacetValues { get; private set; } = [];

    /// <summary>Some active variant has stock available; kept current by a trigger on product_variants.</summary>
    public bool InStock { get; private set; }

    public List<ProductVariant> Variants { get; set; } = [];
    public List<ProductImage> Images { get; set; } = [];
    public List<ProductTranslation> Translations { get; set; } = [];
    /// <summary>Attribute values of the product and (with VariantId set) of its variants.</summary>
    public List<ProductAttributeValue> Attributes { get; set; } = [];

    public void Publish(DateTimeOffset now)
    {
        Status = PublishStatus.Published;
        PublishedAt ??= now;
        UpdatedAt = now;
    }
}

/// <summary>
/// A sellable unit (size/colour combination) with its own SKU and stock. Available stock is
/// on hand minus reserved; the database refuses reserved &gt; on hand.
/// </summary>
public class ProductVariant : TenantEntity
{
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Sku { get; set; }
    public required string Title { get; set; }
    /// <summary>Overrides the product price when set.</summary>
    public decimal? Price { get; set; }
    public int StockOnHand { get; set; }
    public int StockReserved { get; set; }
    public int? WeightGrams { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>PostgreSQL xmin: concurrent stock edits through EF fail instead of overwriting each other.</summary>
    public uint Version { get; set; }

    public int Available => StockOnHand - StockReserved;

    // Each stock change returns the ledger line to add with it, in the same SaveChanges.

    /// <summary>Holds stock for a checkout; refused when less than <paramref name="qty"/> is available.</summary>
    public InventoryMovement Reserve(int qty, Guid? orderId = null)
    {
        Require(qty > 0 && qty <= Available, $"Cannot reserve {qty} of {Sku}: {Available} available.");
        StockReserved += qty;
        return Moved(InventoryMovementKind.Reservation, qty, orderId);
    }

    /// <summary>Gives reserved stock back (abandoned or cancelled checkout).</summary>
    public InventoryMovement Release(int qty, Guid? orderId = null)
    {
        Require(qty > 0 && qty <= StockReserved, $"Cannot release {qty} of {Sku}: {StockReserved} reserved.");
        StockReserved -= qty;
        return Moved(InventoryMovementKind.Release, -qty, orderId);
    }

    /// <summary>Turns a reservation into a sale: the stock leaves both reserved and on hand.</summary>
    public InventoryMovement CommitSale(int qty, Guid? orderId = null)
    {
        Require(qty > 0 && qty <= StockReserved, $"Cannot sell {qty} of {Sku}: {StockReserved} reserved.");
        StockReserved -= qty;
        StockOnHand -= qty;
        return Moved(InventoryMovementKind.Sale, -qty, orderId);
    }

    /// <summary>Adds delivered stock.</summary>
    public InventoryMovement Receive(int qty, string? reason = null)
    {
        Require(qty > 0, $"Cannot receive {qty} of {Sku}.");
        StockOnHand += qty;
        return Moved(InventoryMovementKind.Receipt, qty, null, reason);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }

    private InventoryMovement Moved(InventoryMovementKind kind, int qty, Guid? orderId, string? reason = null)
    {
        var movement = InventoryMovement.For(this, kind, qty, orderId, reason);
        UpdatedAt = movement.CreatedAt;
        return movement;
    }
}
