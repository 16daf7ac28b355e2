using Avnera.Data.Master;

namespace Avnera.Tests.Unit;

/// <summary>Jobs run, fail with a retry time, and die after their last attempt; subscriptions follow their table.</summary>
public class JobTests
{
    private static readonly DateTimeOffset T0 = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewJob_IsPendingAndRunsWhenCreatedUnlessScheduled()
    {
        Assert.Equal(T0, new Job(T0) { Kind = "email" }.RunAt);
        var later = new Job(T0, T0.AddHours(1)) { Kind = "email" };
        Assert.Equal(T0.AddHours(1), later.RunAt);
        Assert.Equal(JobStatus.Pending, later.Status);
    }

    [Fact]
    public void StartAndSucceed_CountsTheAttemptAndUnlocks()
    {
        var job = new Job(T0) { Kind = "email" };

        job.Start("worker-1", T0.AddSeconds(1));
        Assert.Equal(("worker-1", 1), (job.LockedBy, job.Attempts));
        job.Succeed(T0.AddSeconds(2));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Null(job.LockedBy);
        Assert.Equal(T0.AddSeconds(2), job.CompletedAt);
        Assert.Throws<InvalidOperationException>(() => job.Start("worker-2", T0.AddSeconds(3)));
    }

    [Fact]
    public void Fail_RetriesUntilTheLastAttemptThenDeadLetters()
    {
        var job = new Job(T0) { Kind = "sync", MaxAttempts = 2 };

        job.Start("w", T0);
        job.Fail("timeout", T0.AddMinutes(1), T0.AddSeconds(5));
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(T0.AddMinutes(1), job.RunAt);
        Assert.Null(job.CompletedAt);

        job.Start("w", T0.AddMinutes(1));
        job.Fail("timeout again", T0.AddMinutes(5), T0.AddMinutes(1).AddSeconds(5));

        Assert.Equal(JobStatus.Dead, job.Status);
        Assert.Equal("timeout again", job.LastError);
        Assert.Equal(T0.AddMinutes(1).AddSeconds(5), job.CompletedAt);
        Assert.Throws<InvalidOperationException>(() => job.Start("w", T0.AddMinutes(6)));
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public void Succeed_WithoutStarting_Throws()
    {
        var job = new Job(T0) { Kind = "email" };

        Assert.Throws<InvalidOperationException>(() => job.Succeed(T0));
        Assert.Equal(JobStatus.Pending, job.Status);
    }

    [Fact]
    public void Subscription_CancelledRunsOutAndExpires_ButCannotComeBack()
    {
        var subscription = new Subscription(T0) { CurrentPeriodStart = T0, CurrentPeriodEnd = T0.AddMonths(1) };

        subscription.Activate();
        subscription.MarkPastDue();
        subscription.Activate();
        subscription.Cancel(T0.AddMonths(1));
        Assert.Equal(T0.AddMonths(1), subscription.CancelAt);
        subscription.Expire();

        Assert.Throws<InvalidOperationException>(subscription.Activate);
        Assert.Equal(SubscriptionStatus.Expired, subscription.Status);
    }
}
