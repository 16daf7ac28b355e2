using Avnera.Data.Common;

namespace Avnera.Data.Orders;

/// <summary>A store's override of a transactional e-mail, per language (e.g. key "order_confirmation").</summary>
public class EmailTemplate : TenantEntity
{
    public required string Key { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string BodyHtml { get; set; }
    public string? BodyText { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Transactional outbox: an event written in the same transaction as the change it describes, published
/// later by a dispatcher (at least once), which sets <see cref="ProcessedAt"/> or records the failure.
/// </summary>
public class OutboxMessage : TenantEntity
{
    /// <summary>Event type, e.g. "order.paid".</summary>
    public required string Kind { get; set; }
    /// <summary>Event body as JSON (jsonb).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
