using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum SupportTicketStatus { Open, Pending, Resolved, Closed }

public enum SupportTicketPriority { Low, Normal, High, Urgent }

/// <summary>
/// A customer-service conversation, optionally about an order. Open while the store owes an answer,
/// pending while it waits for the customer, resolved when answered (a reply reopens it), closed for good.
/// </summary>
public class SupportTicket : TenantEntity
{
    private SupportTicket() { } // EF

    public SupportTicket(DateTimeOffset createdAt) => CreatedAt = UpdatedAt = createdAt;

    public static readonly IReadOnlyDictionary<SupportTicketStatus, SupportTicketStatus[]> AllowedTransitions =
        new Dictionary<SupportTicketStatus, SupportTicketStatus[]>
        {
            [SupportTicketStatus.Open] = [SupportTicketStatus.Pending, SupportTicketStatus.Resolved, SupportTicketStatus.Closed],
            [SupportTicketStatus.Pending] = [SupportTicketStatus.Open, SupportTicketStatus.Resolved, SupportTicketStatus.Closed],
            [SupportTicketStatus.Resolved] = [SupportTicketStatus.Open, SupportTicketStatus.Closed],
            [SupportTicketStatus.Closed] = [],
        };

    /// <summary>Human-facing number, unique per store.</summary>
    public long Number { get; set; }
    public Guid? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Master user id of the requester when signed in; no foreign key.</summary>
    public Guid? UserId { get; set; }
    public required string Email { get; set; }
    public Guid? OrderId { get; set; }
    public Order? Order { get; set; }
    public required string Subject { get; set; }
    public SupportTicketStatus Status { get; private set; } = SupportTicketStatus.Open;
    public SupportTicketPriority Priority { get; set; } = SupportTicketPriority.Normal;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<SupportTicketMessage> Messages { get; set; } = [];

    /// <summary>Waiting for the customer's answer.</summary>
    public void AwaitCustomer(DateTimeOffset now) => MoveTo(SupportTicketStatus.Pending, now);

    /// <summary>The customer wrote again: the store owes an answer.</summary>
    public void Reopen(DateTimeOffset now) => MoveTo(SupportTicketStatus.Open, now);

    public void Resolve(DateTimeOffset now) => MoveTo(SupportTicketStatus.Resolved, now);

    public void Close(DateTimeOffset now) => MoveTo(SupportTicketStatus.Closed, now);

    private void MoveTo(SupportTicketStatus next, DateTimeOffset now)
    {
        AllowedTransitions.Require(Status, next, $"Ticket {Number}");
        Status = next;
        UpdatedAt = now;
    }
}

public class SupportTicketMessage : TenantEntity
{
    public Guid TicketId { get; set; }
    public SupportTicket? Ticket { get; set; }
    /// <summary>Master user id of the author (customer or staff); null for messages received by e-mail from a guest.</summary>
    public Guid? AuthorUserId { get; set; }
    public bool IsStaff { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
