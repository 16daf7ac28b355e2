using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Avnera.Data.Security;

/// <summary>
/// Makes every unit of work of an <see cref="IRowSecuredContext"/> run, transaction-locally, as its
/// <see cref="DbPrincipal"/> — the way PostgREST runs a Supabase request. The first statement of each
/// transaction sets <c>role</c>, <c>request.jwt.claims</c>, <c>app.store_id</c> and <c>app.claims_mac</c> (the
/// HMAC of the three under the database's claims key, so the policies can tell the app's settings from any
/// other statement's) and blanks Supabase's legacy <c>request.jwt.claim.*</c> settings, which a statement could
/// have left at session level on a pooled connection. All with <c>set_config(..., true)</c>: nothing outlives
/// the transaction.
/// <list type="bullet">
/// <item>A transaction EF starts (SaveChanges, BeginTransaction) gets the settings as it starts.</item>
/// <item>A command outside any transaction gets a transaction of its own, committed as soon as the command
/// (or its reader) is done: exactly autocommit, but with the settings in force.</item>
/// </list>
/// The login roles own nothing and inherit nothing, so a command that somehow escaped this would fail with
/// "permission denied" rather than run with more rights than it should.
/// </summary>
public sealed class RowSecurityInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static RowSecurityInterceptor Instance { get; } = new();

    /// <summary>The first statement of every unit of work: $1 role, $2 claims, $3 store, $4 their signature.</summary>
    public const string SetSql =
        "SELECT set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('app.store_id', $3, true), " +
        "set_config('app.claims_mac', $4, true), set_config('request.jwt.claim', '', true), set_config('request.jwt.claim.sub', '', true), " +
        "set_config('request.jwt.claim.role', '', true), set_config('request.jwt.claim.email', '', true)";

    /// <summary>The transactions this interceptor opened around single commands, to commit when they finish.</summary>
    private static readonly ConditionalWeakTable<DbCommand, DbTransaction> Implicit = new();

    // ---- transactions EF starts ------------------------------------------------------------------

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (Secured(eventData.Context) is { } s) Apply(connection, result, s);
        return result;
    }

    public async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (Secured(eventData.Context) is { } s) await ApplyAsync(connection, result, s, cancellationToken);
        return result;
    }

    // ---- commands outside a transaction ---------------------------------------------------------

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Begin(command, eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Begin(command, eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Begin(command, eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Commit(command);
        return result;
    }

    public override async ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        await CommitAsync(command, cancellationToken);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Commit(command);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CommitAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        // Close the reader first: the transaction cannot commit while rows are still streaming.
        if (!Implicit.TryGetValue(command, out _)) return result;
        eventData.DataReader.Close();
        Commit(command);
        return InterceptionResult.Suppress();
    }

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (!Implicit.TryGetValue(command, out _)) return result;
        await eventData.DataReader.CloseAsync();
        await CommitAsync(command, CancellationToken.None);
        return InterceptionResult.Suppress();
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        // Normally committed when the reader closed; a reader disposed without that still ends its transaction.
        // (A statement that failed left the transaction aborted: PostgreSQL turns that COMMIT into a rollback.)
        Commit(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Rollback(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Rollback(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(command);
        return Task.CompletedTask;
    }

    // ---- the work ---------------------------------------------------------------------------------

    private static IRowSecuredContext? Secured(DbContext? context) =>
        context is IRowSecuredContext { Principal: not null } secured ? secured : null;

    private static void Begin(DbCommand command, DbContext? context)
    {
        if (command.Transaction is not null || Secured(context) is not { } s) return;
        var connection = command.Connection ?? throw new InvalidOperationException("The command has no connection.");
        var tx = connection.BeginTransaction();
        try
        {
            Apply(connection, tx, s);
        }
        catch
        {
            tx.Dispose();
            throw;
        }
        command.Transaction = tx;
        Implicit.AddOrUpdate(command, tx);
    }

    private static async ValueTask BeginAsync(DbCommand command, DbContext? context, CancellationToken ct)
    {
        if (command.Transaction is not null || Secured(context) is not { } s) return;
        var connection = command.Connection ?? throw new InvalidOperationException("The command has no connection.");
        var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await ApplyAsync(connection, tx, s, ct);
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
        command.Transaction = tx;
        Implicit.AddOrUpdate(command, tx);
    }

    private static void Commit(DbCommand command)
    {
        if (!Implicit.TryGetValue(command, out var tx)) return;
        Implicit.Remove(command);
        using (tx) tx.Commit();
    }

    private static async ValueTask CommitAsync(DbCommand command, CancellationToken ct)
    {
        if (!Implicit.TryGetValue(command, out var tx)) return;
        Implicit.Remove(command);
        await using (tx) await tx.CommitAsync(ct);
    }

    private static void Rollback(DbCommand command)
    {
        if (!Implicit.TryGetValue(command, out var tx)) return;
        Implicit.Remove(command);
        // Disposing an uncommitted transaction rolls it back; a broken connection is discarded by the pool.
        try { tx.Dispose(); } catch (DbException) { }
    }

    private static DbCommand SetCommand(DbConnection connection, DbTransaction tx, IRowSecuredContext secured)
    {
        var principal = secured.Principal!;
        var storeId = secured.RowStoreId;
        var claims = principal.ClaimsJson();
        // Without the database's key the claims cannot be signed: the policies then see nobody (fails closed).
        var mac = secured.ClaimsKey is { } key ? ClaimsKeys.Sign(key, principal.RoleName, storeId, claims) : "";
        var set = connection.CreateCommand();
        set.Transaction = tx;
        set.CommandText = SetSql;
        foreach (var value in new[] { principal.RoleName, claims, storeId?.ToString() ?? "", mac })
        {
            var p = set.CreateParameter();
            p.Value = value;
            set.Parameters.Add(p);
        }
        return set;
    }

    private static void Apply(DbConnection connection, DbTransaction tx, IRowSecuredContext secured)
    {
        using var set = SetCommand(connection, tx, secured);
        set.ExecuteNonQuery();
    }

    private static async ValueTask ApplyAsync(DbConnection connection, DbTransaction tx, IRowSecuredContext secured, CancellationToken ct)
    {
        await using var set = SetCommand(connection, tx, secured);
        await set.ExecuteNonQueryAsync(ct);
    }
}
