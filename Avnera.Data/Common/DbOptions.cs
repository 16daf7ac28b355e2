using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Avnera.Data.Common;

/// <summary>
/// The one place that configures Npgsql for each context, so the app, the migrator, the tests and
/// `dotnet ef` build identical models. Each context keeps its own history table: a dedicated store may put
/// its Products and Orders tables in one physical database.
/// </summary>
public static class DbOptions
{
    public static string HistoryTable<TContext>() where TContext : DbContext => typeof(TContext).Name switch
    {
        nameof(MasterDbContext) => "__ef_migrations_master",
        nameof(AuthDbContext) => "__ef_migrations_auth",
        nameof(ProductsDbContext) => "__ef_migrations_products",
        nameof(OrdersDbContext) => "__ef_migrations_orders",
        var other => throw new ArgumentOutOfRangeException(nameof(TContext), other, "Unknown Avnera context."),
    };

    public static DbContextOptionsBuilder<TContext> Configure<TContext>(
        DbContextOptionsBuilder<TContext> builder, NpgsqlDataSource dataSource) where TContext : DbContext =>
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable(HistoryTable<TContext>())).UseSnakeCaseNamingConvention()
            .AddInterceptors(RowSecurityInterceptor.Instance);

    public static DbContextOptionsBuilder<TContext> Configure<TContext>(
        DbContextOptionsBuilder<TContext> builder, string connectionString) where TContext : DbContext =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(HistoryTable<TContext>())).UseSnakeCaseNamingConvention()
            .AddInterceptors(RowSecurityInterceptor.Instance);

    public static DbContextOptions<TContext> For<TContext>(string connectionString) where TContext : DbContext =>
        Configure(new DbContextOptionsBuilder<TContext>(), connectionString).Options;

    public static DbContextOptions<TContext> For<TContext>(NpgsqlDataSource dataSource) where TContext : DbContext =>
        Configure(new DbContextOptionsBuilder<TContext>(), dataSource).Options;
}
