using Avnera.Data.Common;

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

/// <summary>A store's plan subscription; its status moves along <see cref="AllowedTransitions"/>.</summary>
public class Subscription
{
    private Subscription() { } // EF

    public Subscription(DateTimeOffset createdAt) => CreatedAt = createdAt;

    public static readonly IReadOnlyDictionary<SubscriptionStatus, SubscriptionStatus[]> AllowedTransitions =
        new Dictionary<SubscriptionStatus, SubscriptionStatus[]>
        {
            [SubscriptionStatus.Trialing] = [SubscriptionStatus.Active, SubscriptionStatus.Cancelled, SubscriptionStatus.Expired],
            [SubscriptionStatus.Active] = [SubscriptionStatus.PastDue, SubscriptionStatus.Cancelled],
            [SubscriptionStatus.PastDue] = [SubscriptionStatus.Active, SubscriptionStatus.Cancelled, SubscriptionStatus.Expired],
            // Cancelled runs to the end of the paid period, then expires.
            [SubscriptionStatus.Cancelled] = [SubscriptionStatus.Expired],
            [SubscriptionStatus.Expired] = [],
        };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public SubscriptionStatus Status { get; private set; } = SubscriptionStatus.Trialing;
    public DateTimeOffset CurrentPeriodStart { get; set; }
    public DateTimeOffset CurrentPeriodEnd { get; set; }
    public DateTimeOffset? CancelAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Paid (the trial ended, or a late payment arrived).</summary>
    public void Activate() => MoveTo(SubscriptionStatus.Active);

    public void MarkPastDue() => MoveTo(SubscriptionStatus.PastDue);

    /// <summary>Ends at <paramref name="at"/> (usually the end of the paid period).</summary>
    public void Cancel(DateTimeOffset at)
    {
        MoveTo(SubscriptionStatus.Cancelled);
        CancelAt = at;
    }

    public void Expire() => MoveTo(SubscriptionStatus.Expired);

    private void MoveTo(SubscriptionStatus next)
    {
        AllowedTransitions.Require(Status, next, $"Subscription {Id}");
        Status = next;
    }
}

/// <summary>
/// A store's credit balance; always equals the sum of its ledger and never goes negative. The database keeps
/// it: inserting a <see cref="CreditTransaction"/> moves it under a row lock and refuses to go below zero
/// (Sql/master/20_credits.sql), and EF never writes <see cref="Balance"/>. <see cref="Apply"/> checks a debit
/// against the balance as loaded and returns the ledger row to add; concurrent debits are settled by the
/// database, which may still refuse one this instance thought affordable.
/// </summary>
public class CreditBalance
{
    private CreditBalance() { } // EF

    public CreditBalance(Guid storeId, DateTimeOffset createdAt)
    {
        StoreId = storeId;
        UpdatedAt = createdAt;
    }

    public Guid StoreId { get; private set; }
    public long Balance { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <param name="amount">Signed: purchases, refunds and grants add (&gt; 0), usage takes (&lt; 0), an adjustment either.</param>
    public CreditTransaction Apply(CreditKind kind, long amount, DateTimeOffset now,
        string? reference = null, string? idempotencyKey = null, Guid? createdBy = null)
    {
        var signOk = kind switch
        {
            CreditKind.Usage => amount < 0,
            CreditKind.Adjustment => amount != 0,
            _ => amount > 0,
        };
        if (!signOk) throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A {kind} of {amount} credits has the wrong sign.");
        if (Balance + amount < 0)
            throw new InvalidOperationException($"The store has {Balance} credits; {-amount} cannot be taken.");
        Balance += amount; // what the database will make it; EF does not write it
        UpdatedAt = now;
        return new CreditTransaction(StoreId, kind, amount, Balance, now)
        {
            Reference = reference, IdempotencyKey = idempotencyKey, CreatedBy = createdBy,
        };
    }
}

public enum CreditKind { Purchase, Usage, Refund, Grant, Adjustment }

/// <summary>One ledger row, written only by <see cref="CreditBalance.Apply"/>. Append-only; amount is signed (usage negative).</summary>
public class CreditTransaction
{
    private CreditTransaction() { } // EF

    internal CreditTransaction(Guid storeId, CreditKind kind, long amount, long balanceAfter, DateTimeOffset createdAt)
    {
        StoreId = storeId;
        Kind = kind;
        Amount = amount;
        BalanceAfter = balanceAfter;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid StoreId { get; private set; }
    public CreditKind Kind { get; private set; }
    public long Amount { get; private set; }
    public long BalanceAfter { get; private set; }
    public string? Reference { get; init; }
    public string? IdempotencyKey { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; private set; }
}
