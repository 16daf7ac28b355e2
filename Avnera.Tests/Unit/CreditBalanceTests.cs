using Avnera.Data.Master;

namespace Avnera.Tests.Unit;

/// <summary>A credit balance changes only with its ledger row and never goes negative.</summary>
public class CreditBalanceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 8, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_PurchaseThenUsage_ReturnsLedgerRowsThatSumToTheBalance()
    {
        var balance = new CreditBalance(Guid.NewGuid(), T0);

        var bought = balance.Apply(CreditKind.Purchase, 100, T0.AddHours(1), reference: "inv-1");
        var used = balance.Apply(CreditKind.Usage, -30, T0.AddHours(2), idempotencyKey: "use-1");

        Assert.Equal(70, balance.Balance);
        Assert.Equal(T0.AddHours(2), balance.UpdatedAt);
        Assert.Equal((100, 100L), (bought.Amount, bought.BalanceAfter));
        Assert.Equal((-30, 70L), (used.Amount, used.BalanceAfter));
        Assert.Equal(balance.Balance, bought.Amount + used.Amount);
        Assert.Equal(balance.StoreId, used.StoreId);
        Assert.Equal("use-1", used.IdempotencyKey);
    }

    [Fact]
    public void Apply_UsageBeyondTheBalance_ThrowsAndWritesNothing()
    {
        var balance = new CreditBalance(Guid.NewGuid(), T0);
        balance.Apply(CreditKind.Grant, 10, T0);

        var error = Assert.Throws<InvalidOperationException>(() => balance.Apply(CreditKind.Usage, -11, T0.AddHours(1)));

        Assert.Contains("10 credits", error.Message);
        Assert.Equal(10, balance.Balance);
        Assert.Equal(T0, balance.UpdatedAt);
    }

    [Theory]
    [InlineData(CreditKind.Purchase, -5)]
    [InlineData(CreditKind.Grant, 0)]
    [InlineData(CreditKind.Refund, -1)]
    [InlineData(CreditKind.Usage, 5)]
    [InlineData(CreditKind.Adjustment, 0)]
    public void Apply_WrongSignForTheKind_IsRefused(CreditKind kind, long amount)
    {
        var balance = new CreditBalance(Guid.NewGuid(), T0);
        balance.Apply(CreditKind.Grant, 50, T0);

        Assert.Throws<ArgumentOutOfRangeException>(() => balance.Apply(kind, amount, T0));
        Assert.Equal(50, balance.Balance);
    }

    [Fact]
    public void Apply_NegativeAdjustment_IsAllowedDownToZero()
    {
        var balance = new CreditBalance(Guid.NewGuid(), T0);
        balance.Apply(CreditKind.Grant, 5, T0);

        balance.Apply(CreditKind.Adjustment, -5, T0.AddHours(1));

        Assert.Equal(0, balance.Balance);
    }
}
