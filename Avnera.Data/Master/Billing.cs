namespace Avnera.Data.Master;

public class Plan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal MonthlyPrice { get; set; }
    public string Currency { get; set; } = "EUR";
    public int? MaxProducts { get; set; }
    public int? MaxStaff { get; set; }
    public int IncludedCredits { get; set; }
    /// <summary>Feature flags as JSON (jsonb).</summary>
    public string Features { get; set; } = "{}";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum SubscriptionStatus { Trialing, Active, PastDue, Cancelled, Expired }

public class Subscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoreId { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Trialing;
    public DateTimeOffset CurrentPeriodStart { get; set; }
    public DateTimeOffset CurrentPeriodEnd { get; set; }
    public DateTimeOffset? CancelAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A store's credit balance; always equals the sum of its ledger and never goes negative.</summary>
public class CreditBalance
{
    public Guid StoreId { get; set; }
    public long Balance { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum CreditKind { Purchase, Usage, Refund, Grant, Adjustment }

/// <summary>One ledger row. Append-only; amount is signed (usage negative).</summary>
public class CreditTransaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoreId { get; set; }
    public CreditKind Kind { get; set; }
    public long Amount { get; set; }
    public long BalanceAfter { get; set; }
    public string? Reference { get; set; }
    public string? IdempotencyKey { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
