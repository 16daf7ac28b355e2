using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore.Design;

namespace Avnera.Data;

// Used only by `dotnet ef` (migrations add / script). No database is contacted to build a model, so a
// placeholder connection string is enough; AVNERA_DESIGN_CONNECTION overrides it for `database update`.
internal static class DesignTime
{
    public static string Connection => Environment.GetEnvironmentVariable("AVNERA_DESIGN_CONNECTION")
                                       ?? "Host=127.0.0.1;Database=avnera_design;Username=postgres";
}

internal sealed class MasterDesignTimeFactory : IDesignTimeDbContextFactory<MasterDbContext>
{
    public MasterDbContext CreateDbContext(string[] args) => new(DbOptions.For<MasterDbContext>(DesignTime.Connection));
}

internal sealed class ProductsDesignTimeFactory : IDesignTimeDbContextFactory<ProductsDbContext>
{
    public ProductsDbContext CreateDbContext(string[] args) => new(DbOptions.For<ProductsDbContext>(DesignTime.Connection));
}

internal sealed class OrdersDesignTimeFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    public OrdersDbContext CreateDbContext(string[] args) => new(DbOptions.For<OrdersDbContext>(DesignTime.Connection));
}

internal sealed class AuthDesignTimeFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) => new(DbOptions.For<AuthDbContext>(DesignTime.Connection));
}
