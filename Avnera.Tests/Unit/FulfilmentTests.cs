using Avnera.Data.Orders;

namespace Avnera.Tests.Unit;

/// <summary>Shipments, returns and support tickets change status only along their tables.</summary>
public class FulfilmentTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Shipment NewShipment() => new(T0) { Carrier = "Colissimo", TrackingNumber = "6A123FR" };

    [Fact]
    public void Shipment_ShippedThenDelivered_StampsBothTimes()
    {
        var shipment = NewShipment();

        shipment.Ship(T0.AddHours(2));
        shipment.MarkInTransit();
        shipment.MarkDelivered(T0.AddDays(2));

        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Equal(T0.AddHours(2), shipment.ShippedAt);
        Assert.Equal(T0.AddDays(2), shipment.DeliveredAt);
    }

    [Fact]
    public void Shipment_DeliveredBeforeItShipped_ThrowsAndStampsNothing()
    {
        var shipment = NewShipment();

        var error = Assert.Throws<InvalidOperationException>(() => shipment.MarkDelivered(T0));

        Assert.Contains("6A123FR", error.Message);
        Assert.Equal(ShipmentStatus.Pending, shipment.Status);
        Assert.Null(shipment.DeliveredAt);
    }

    [Fact]
    public void Shipment_LostParcelThatTurnsUp_CanStillBeDelivered_ButAReturnedOneIsFinal()
    {
        var shipment = NewShipment();
        shipment.Ship(T0);
        shipment.MarkLost();
        shipment.MarkDelivered(T0.AddDays(9));
        shipment.MarkReturned();

        Assert.Throws<InvalidOperationException>(() => shipment.MarkDelivered(T0.AddDays(10)));
        Assert.Throws<InvalidOperationException>(() => shipment.Ship(T0.AddDays(10)));
        Assert.Equal(ShipmentStatus.Returned, shipment.Status);
    }

    [Fact]
    public void Return_ApprovedReceivedRefundedClosed_RecordsItsRefund()
    {
        var rma = new Return(T0) { Number = 3 };
        var refund = new Refund(Guid.NewGuid(), Guid.NewGuid(), 20m, "r-3", T0);

        rma.Approve(T0.AddHours(1));
        rma.MarkReceived(T0.AddDays(3));
        rma.MarkRefunded(refund, T0.AddDays(3));
        rma.Close(T0.AddDays(4));

        Assert.Equal(ReturnStatus.Closed, rma.Status);
        Assert.Equal(refund.Id, rma.RefundId);
        Assert.Equal(T0.AddDays(4), rma.UpdatedAt);
    }

    [Fact]
    public void Return_RefundedBeforeTheParcelArrived_ThrowsAndRecordsNoRefund()
    {
        var rma = new Return(T0) { Number = 4 };
        rma.Approve(T0);

        var error = Assert.Throws<InvalidOperationException>(() =>
            rma.MarkRefunded(new Refund(Guid.NewGuid(), Guid.NewGuid(), 20m, "r-4", T0), T0.AddDays(1)));

        Assert.Contains("Return 4", error.Message);
        Assert.Null(rma.RefundId);
        Assert.Equal(ReturnStatus.Approved, rma.Status);
    }

    [Fact]
    public void Return_Rejected_CanOnlyBeClosed()
    {
        var rma = new Return(T0) { Number = 5 };
        rma.Reject(T0);

        Assert.Throws<InvalidOperationException>(() => rma.Approve(T0.AddHours(1)));
        rma.Close(T0.AddHours(1));
        Assert.Equal(ReturnStatus.Closed, rma.Status);
    }

    [Fact]
    public void SupportTicket_ResolvedThenCustomerWrites_ReopensButClosedIsFinal()
    {
        var ticket = new SupportTicket(T0) { Number = 9, Email = "sam@example.com", Subject = "Where is my parcel?" };

        ticket.AwaitCustomer(T0.AddHours(1));
        ticket.Resolve(T0.AddHours(2));
        ticket.Reopen(T0.AddHours(3));
        Assert.Equal(SupportTicketStatus.Open, ticket.Status);
        ticket.Close(T0.AddHours(4));

        var error = Assert.Throws<InvalidOperationException>(() => ticket.Reopen(T0.AddHours(5)));
        Assert.Contains("Ticket 9", error.Message);
        Assert.Equal(SupportTicketStatus.Closed, ticket.Status);
        Assert.Equal(T0.AddHours(4), ticket.UpdatedAt);
    }
}
