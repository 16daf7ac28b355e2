using System.Collections.Concurrent;
using Avnera.Data.Common;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Avnera.Data.Tenancy;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> (one connection pool) per physical database, however many stores
/// share it, with one DbContext pool per context type on top. A context pool therefore only ever holds
/// contexts wired to its own database: a context cannot carry one store's connection into another store's
/// database. The store binding is set on every hand-out by <see cref="TenantDbContextFactory"/>.
/// </summary>
public sealed class TenantDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TenantDatabase>> _databases = new();

    public TenantDatabase Get(string connectionString)
    {
        var key = Normalize(connectionString);
        return _databases.GetOrAdd(key, k => new Lazy<TenantDatabase>(() => new TenantDatabase(k))).Value;
    }

    /// <summary>How many physical databases (pools) are open: the number of distinct databases, not stores.</summary>
    public int Count => _databases.Count;

    internal static string Normalize(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Join(";", builder.Keys.Cast<string>().Order(StringComparer.OrdinalIgnoreCase)
            .Where(k => builder.TryGetValue(k, out var v) && v is not null && v.ToString() != "")
            .Select(k => $"{k}={builder[k]}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases.Values.Where(l => l.IsValueCreated)) await db.Value.DataSource.DisposeAsync();
        _databases.Clear();
    }
}

public sealed class TenantDatabase
{
    private readonly Lazy<PooledDbContextFactory<ProductsDbContext>> _products;
    private readonly Lazy<PooledDbContextFactory<OrdersDbContext>> _orders;

    internal TenantDatabase(string connectionString)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        _products = new(() => new PooledDbContextFactory<ProductsDbContext>(DbOptions.For<ProductsDbContext>(DataSource)));
        _orders = new(() => new PooledDbContextFactory<OrdersDbContext>(DbOptions.For<OrdersDbContext>(DataSource)));
    }

    public NpgsqlDataSource DataSource { get; }
    internal ProductsDbContext CreateProducts() => _products.Value.CreateDbContext();
    internal OrdersDbContext CreateOrders() => _orders.Value.CreateDbContext();
}
