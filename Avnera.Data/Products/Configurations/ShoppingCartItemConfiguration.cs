using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class ShoppingCartItemConfiguration : IEntityTypeConfiguration<ShoppingCartItem>
{
    public void Configure(EntityTypeBuilder<ShoppingCartItem> b)
    {
        b.ToTable("shopping_cart_items", t =>
        {
            t.HasCheckConstraint("ck_shopping_cart_items_quantity", $"quantity > 0 and quantity <= {ShoppingCartItem.MaxQuantity}");
            t.HasCheckConstraint("ck_shopping_cart_items_unit_price", "unit_price >= 0");
        });
        b.HasKey(i => new { i.StoreId, i.Id });
        b.HasIndex(i => new { i.StoreId, i.CartId, i.VariantId }).IsUnique();
        b.HasOne(i => i.Cart).WithMany(c => c.Items)
            .HasForeignKey(i => new { i.StoreId, i.CartId })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Variant).WithMany()
            .HasForeignKey(i => new { i.StoreId, i.VariantId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
