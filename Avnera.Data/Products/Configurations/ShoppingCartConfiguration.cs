using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ShoppingCartConfiguration : IEntityTypeConfiguration<ShoppingCart>
{
    public void Configure(EntityTypeBuilder<ShoppingCart> b)
    {
        b.ToTable("shopping_cart", t =>
        {
            t.HasCheckConstraint("ck_shopping_cart_owner", "user_id is not null or anonymous_token is not null");
            t.HasCheckConstraint("ck_shopping_cart_currency", "currency ~ '^[A-Z]{3}$'");
        });
        b.HasKey(c => new { c.StoreId, c.Id });
        b.Property(c => c.AnonymousToken).HasMaxLength(100);
        b.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        b.HasIndex(c => new { c.StoreId, c.UserId }).IsUnique().HasFilter("user_id is not null");
        b.HasIndex(c => new { c.StoreId, c.AnonymousToken }).IsUnique().HasFilter("anonymous_token is not null");
        // Purge of expired carts, across the stores of the database.
        b.HasIndex(c => c.ExpiresAt);
    }
}
