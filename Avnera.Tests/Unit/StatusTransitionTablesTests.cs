using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;

namespace Avnera.Tests.Unit;

/// <summary>Every status machine names the next states of every state (a new enum value cannot slip in unruled).</summary>
public class StatusTransitionTablesTests
{
    private static void CoversEveryValue<T>(IReadOnlyDictionary<T, T[]> table) where T : struct, Enum =>
        Assert.All(Enum.GetValues<T>(), s => Assert.True(table.ContainsKey(s), $"{typeof(T).Name}.{s} has no entry"));

    [Fact]
    public void EveryTable_CoversEveryStatus()
    {
        CoversEveryValue(Order.AllowedTransitions);
        CoversEveryValue(RegisteredStore.AllowedTransitions);
        CoversEveryValue(Publishing.AllowedTransitions);
        CoversEveryValue(ProductReview.AllowedTransitions);
        CoversEveryValue(Payment.AllowedTransitions);
        CoversEveryValue(PaymentAttempt.AllowedTransitions);
        CoversEveryValue(Refund.AllowedTransitions);
        CoversEveryValue(Return.AllowedTransitions);
        CoversEveryValue(Shipment.AllowedTransitions);
        CoversEveryValue(SupportTicket.AllowedTransitions);
        CoversEveryValue(Subscription.AllowedTransitions);
        CoversEveryValue(Job.AllowedTransitions);
    }
}
