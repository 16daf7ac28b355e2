using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Products.Configurations;

public class InventoryMovementConfiguration : IEntityTypeConfiguration<InventoryMovement>
{
    public void Configure(EntityTypeBuilder<InventoryMovement> b)
    {
        b.ToTable("inventory_movements", t => t.HasCheckConstraint("ck_inventory_movements_quantity", "quantity <> 0"));
        b.HasKey(m => new { m.StoreId, m.Id });
        b.HasEnumText(m => m.Kind, "inventory_movements");
        b.Property(m => m.Reason).HasMaxLength(InventoryMovement.ReasonMaxLength);
        // Idempotency of checkout steps: one movement of a kind per order and variant.
        b.HasIndex(m => new { m.StoreId, m.OrderId, m.VariantId, m.Kind }).IsUnique()
            .HasFilter("order_id is not null");
        // A variant's history.
        b.HasIndex(m => new { m.StoreId, m.VariantId, m.CreatedAt });
        // A variant with stock history cannot be deleted (deactivate it instead); the ledger stays whole.
        b.HasOne(m => m.Variant).WithMany()
            .HasForeignKey(m => new { m.StoreId, m.VariantId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
