namespace Avnera.Data.Master;

public enum JobStatus { Pending, Running, Succeeded, Failed, Dead }

/// <summary>
/// A unit of background work, drained with FOR UPDATE SKIP LOCKED. Failed jobs are retried with backoff
/// until MaxAttempts, then dead-lettered; one store's failures never block another's jobs.
/// </summary>
public class Job
{
    public long Id { get; set; }
    public string Queue { get; set; } = "default";
    public required string Kind { get; set; }
    public string Payload { get; set; } = "{}";
    public Guid? StoreId { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 5;
    public DateTimeOffset RunAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LockedAt { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>
/// An ASP.NET Core Data Protection key ring entry (antiforgery and auth cookies), kept in Master so every
/// web instance shares it. The XML is encrypted with ENCRYPTION_KEY before it is stored.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
