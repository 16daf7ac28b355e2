using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Products;

/// <summary>
/// A store's catalog, carts, wishlists, reviews and CMS. One physical Products database may hold many
/// stores (pooled) or one (dedicated); an instance is always bound to one store.
/// </summary>
public class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : TenantDbContext(options)
{
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductVariant> ProductVariants => Set<ProductVariant>();
    public DbSet<ProductTranslation> ProductTranslations => Set<ProductTranslation>();
    public DbSet<CategoryTranslation> CategoryTranslations => Set<CategoryTranslation>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionProduct> CollectionProducts => Set<CollectionProduct>();
    public DbSet<ProductImage> ProductImages => Set<ProductImage>();
    public DbSet<ProductAttribute> ProductAttributes => Set<ProductAttribute>();
    public DbSet<ProductAttributeValue> ProductAttributeValues => Set<ProductAttributeValue>();
    public DbSet<InventoryMovement> InventoryMovements => Set<InventoryMovement>();
    public DbSet<ProductReview> ProductReviews => Set<ProductReview>();
    public DbSet<ReviewVote> ReviewVotes => Set<ReviewVote>();
    public DbSet<WishlistItem> WishlistItems => Set<WishlistItem>();
    public DbSet<ShoppingCart> ShoppingCarts => Set<ShoppingCart>();
    public DbSet<ShoppingCartItem> ShoppingCartItems => Set<ShoppingCartItem>();
    public DbSet<ProductSearch> ProductSearch => Set<ProductSearch>();
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();
    public DbSet<CmsPage> CmsPages => Set<CmsPage>();
    public DbSet<CmsBlock> CmsBlocks => Set<CmsBlock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasPostgresExtension("btree_gin");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProductsDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.StoreConfiguration).Namespace);

        ConfigureTenantModel<Store>(modelBuilder, this);
    }
}
