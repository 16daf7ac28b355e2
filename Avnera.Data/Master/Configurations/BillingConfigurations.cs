using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Master.Configurations;

public class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans", t =>
        {
            t.HasCheckConstraint("ck_plans_monthly_price", "monthly_price >= 0");
            t.HasCheckConstraint("ck_plans_currency", "currency ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_plans_limits", "(max_products is null or max_products >= 0) and (max_staff is null or max_staff >= 0) and included_credits >= 0");
        });
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.Features).HasColumnType("jsonb");
        b.HasIndex(p => p.Code).IsUnique();
    }
}

public class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("subscriptions", t => t.HasCheckConstraint("ck_subscriptions_period", "current_period_end > current_period_start"));
        b.HasKey(s => s.Id);
        b.HasEnumText(s => s.Status, "subscriptions");
        b.HasIndex(s => new { s.StoreId, s.CreatedAt });
        // One live subscription per store.
        b.HasIndex(s => s.StoreId).IsUnique().HasFilter("status in ('trialing', 'active', 'past_due')")
            .HasDatabaseName("ux_subscriptions_live_per_store");
        b.HasOne<RegisteredStore>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CreditBalanceConfiguration : IEntityTypeConfiguration<CreditBalance>
{
    public void Configure(EntityTypeBuilder<CreditBalance> b)
    {
        b.ToTable("credit_balances", t => t.HasCheckConstraint("ck_credit_balances_not_negative", "balance >= 0"));
        b.HasKey(c => c.StoreId);
        b.HasOne<RegisteredStore>().WithOne().HasForeignKey<CreditBalance>(c => c.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CreditTransactionConfiguration : IEntityTypeConfiguration<CreditTransaction>
{
    public void Configure(EntityTypeBuilder<CreditTransaction> b)
    {
        b.ToTable("credit_transactions", t =>
        {
            t.HasCheckConstraint("ck_credit_transactions_amount", "amount <> 0");
            t.HasCheckConstraint("ck_credit_transactions_balance_after", "balance_after >= 0");
            t.HasCheckConstraint("ck_credit_transactions_sign",
                "(kind in ('purchase', 'refund', 'grant') and amount > 0) or (kind = 'usage' and amount < 0) or kind = 'adjustment'");
        });
        b.HasKey(c => c.Id);
        b.HasEnumText(c => c.Kind, "credit_transactions");
        b.Property(c => c.Reference).HasMaxLength(200);
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(c => new { c.StoreId, c.CreatedAt });
        b.HasIndex(c => new { c.StoreId, c.IdempotencyKey }).IsUnique().HasFilter("idempotency_key is not null");
        // The ledger outlives its store: Master keeps a deleted store's row (soft delete), and no DELETE of a
        // store row may take the credit history with it.
        b.HasOne<RegisteredStore>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("job_queue", t =>
            t.HasCheckConstraint("ck_job_queue_attempts", "attempts >= 0 and max_attempts > 0 and attempts <= max_attempts"));
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).UseIdentityAlwaysColumn();
        b.HasEnumText(j => j.Status, "job_queue");
        b.Property(j => j.Queue).HasMaxLength(60);
        b.Property(j => j.Kind).HasMaxLength(100);
        b.Property(j => j.Payload).HasColumnType("jsonb");
        b.Property(j => j.LockedBy).HasMaxLength(200);
        b.Property(j => j.IdempotencyKey).HasMaxLength(200);
        // The worker's dequeue: next due pending job of a queue.
        b.HasIndex(j => new { j.Queue, j.RunAt }).HasFilter("status = 'pending'").HasDatabaseName("ix_job_queue_due");
        b.HasIndex(j => new { j.StoreId, j.CreatedAt });
        b.HasIndex(j => j.IdempotencyKey).IsUnique().HasFilter("idempotency_key is not null");
    }
}
