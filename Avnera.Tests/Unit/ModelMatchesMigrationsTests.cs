using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Tests.Unit;

/// <summary>
/// The entity model each context builds is the one its migrations describe: reshaping entities (private
/// setters, backing fields, constructors) must not change a column, key or index without a migration.
/// Builds the models only; no database is contacted.
/// </summary>
public class ModelMatchesMigrationsTests
{
    private const string Placeholder = "Host=127.0.0.1;Database=avnera_model_check;Username=nobody";

    public static TheoryData<string> Contexts => [nameof(MasterDbContext), nameof(AuthDbContext), nameof(ProductsDbContext), nameof(OrdersDbContext)];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Model_HasNoChangesOutsideTheMigrations(string context)
    {
        using DbContext db = context switch
        {
            nameof(MasterDbContext) => new MasterDbContext(DbOptions.For<MasterDbContext>(Placeholder)),
            nameof(AuthDbContext) => new AuthDbContext(DbOptions.For<AuthDbContext>(Placeholder)),
            nameof(ProductsDbContext) => new ProductsDbContext(DbOptions.For<ProductsDbContext>(Placeholder)),
            _ => new OrdersDbContext(DbOptions.For<OrdersDbContext>(Placeholder)),
        };

        Assert.False(db.Database.HasPendingModelChanges(), $"{context}: the entity model differs from the last migration's snapshot.");
    }
}
