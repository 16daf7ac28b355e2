using Avnera.Data.Common;

namespace Avnera.Data.Master;

public enum JobStatus { Pending, Running, Succeeded, Failed, Dead }

/// <summary>
/// A unit of background work, drained with FOR UPDATE SKIP LOCKED. Failed jobs are retried with backoff
/// until MaxAttempts, then dead-lettered; one store's failures never block another's jobs. A worker moves a
/// job only through <see cref="Start"/>, <see cref="Succeed"/> and <see cref="Fail"/>.
/// </summary>
public class Job
{
    private Job() { } // EF

    /// <param name="runAt">When it may run first (now, or later for scheduled work).</param>
    public Job(DateTimeOffset createdAt, DateTimeOffset? runAt = null)
    {
        CreatedAt = createdAt;
        RunAt = runAt ?? createdAt;
    }

    public static readonly IReadOnlyDictionary<JobStatus, JobStatus[]> AllowedTransitions =
        new Dictionary<JobStatus, JobStatus[]>
        {
            [JobStatus.Pending] = [JobStatus.Running],
            [JobStatus.Running] = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Dead],
            // A failed job waits for its retry time, then runs again.
            [JobStatus.Failed] = [JobStatus.Running],
            [JobStatus.Succeeded] = [],
            [JobStatus.Dead] = [],
        };

    public long Id { get; private set; }
    public string Queue { get; init; } = "default";
    public required string Kind { get; init; }
    public string Payload { get; init; } = "{}";
    public Guid? StoreId { get; init; }
    public JobStatus Status { get; private set; } = JobStatus.Pending;
    public int Attempts { get; private set; }
    public int MaxAttempts { get; init; } = 5;
    public DateTimeOffset RunAt { get; private set; }
    public DateTimeOffset? LockedAt { get; private set; }
    public string? LockedBy { get; private set; }
    public string? LastError { get; private set; }
    public string? IdempotencyKey { get; init; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A worker took the job: one more attempt.</summary>
    public void Start(string worker, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (Attempts >= MaxAttempts)
            throw new InvalidOperationException($"Job {Id} has used all {MaxAttempts} attempts.");
        MoveTo(JobStatus.Running);
        Attempts++;
        LockedAt = now;
        LockedBy = worker;
    }

    public void Succeed(DateTimeOffset now)
    {
        MoveTo(JobStatus.Succeeded);
        Unlock();
        CompletedAt = now;
    }

    /// <summary>The attempt failed: retried at <paramref name="retryAt"/>, or dead-lettered when it was the last attempt.</summary>
    public void Fail(string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var last = Attempts >= MaxAttempts;
        MoveTo(last ? JobStatus.Dead : JobStatus.Failed);
        Unlock();
        LastError = error;
        if (last) CompletedAt = now;
        else RunAt = retryAt;
    }

    private void Unlock()
    {
        LockedAt = null;
        LockedBy = null;
    }

    private void MoveTo(JobStatus next)
    {
        AllowedTransitions.Require(Status, next, $"Job {Id}");
        Status = next;
    }
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
