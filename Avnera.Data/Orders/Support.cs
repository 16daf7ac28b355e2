using Avnera.Data.Common;

namespace Avnera.Data.Orders;

public enum SupportTicketStatus { Open, Pending, Resolved, Closed }

public enum SupportTicketPriority { Low, Normal, High, Urgent }

/// <summary>A customer-service conversation, optionally about an order.</summary>
public class SupportTicket : TenantEntity
{
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
    public SupportTicketStatus Status { get; set; } = SupportTicketStatus.Open;
    public SupportTicketPriority Priority { get; set; } = SupportTicketPriority.Normal;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<SupportTicketMessage> Messages { get; set; } = [];
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
