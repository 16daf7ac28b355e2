using Avnera.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Avnera.Tests.Unit;

public class DatabaseBusyTests
{
    private static PostgresException Pg(string sqlState) => new("boom", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.TooManyConnections, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData("08006", true)] // connection failure
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege, false)]
    public void IsTransient_OnlyForTheDatabaseBeingUnableToServe(string sqlState, bool transient) =>
        Assert.Equal(transient, DatabaseBusyMiddleware.IsTransient(Pg(sqlState)));

    [Fact]
    public void IsTransient_LooksInsideWrappers()
    {
        Assert.True(DatabaseBusyMiddleware.IsTransient(new InvalidOperationException("wrapped", Pg(PostgresErrorCodes.TooManyConnections))));
        Assert.False(DatabaseBusyMiddleware.IsTransient(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task BusyDatabase_Answers503WithRetryAfter_OtherErrorsPassThrough()
    {
        var context = new DefaultHttpContext();
        var busy = new DatabaseBusyMiddleware(_ => throw Pg(PostgresErrorCodes.TooManyConnections), NullLogger<DatabaseBusyMiddleware>.Instance);
        await busy.InvokeAsync(context);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.True(context.Items.ContainsKey(DatabaseBusyMiddleware.BusyItem));

        var bug = new DatabaseBusyMiddleware(_ => throw Pg(PostgresErrorCodes.UniqueViolation), NullLogger<DatabaseBusyMiddleware>.Instance);
        await Assert.ThrowsAsync<PostgresException>(() => bug.InvokeAsync(new DefaultHttpContext()));
    }
}
