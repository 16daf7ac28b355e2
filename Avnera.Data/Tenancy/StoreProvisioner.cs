using Avnera.Data.Security;
using System.Text.RegularExpressions;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductsStore = Avnera.Data.Products.Store;

namespace Avnera.Data.Tenancy;

public sealed record NewStore(
    Guid OwnerUserId, string Slug, string Name, string Email,
    string Currency = "EUR", string Culture = "en-US", IReadOnlyList<string>? Languages = null, Guid? Id = null,
    DedicatedDatabase? Dedicated = null);

/// <summary>
/// A database of the store's own (e.g. the owner's Supabase project) instead of the pooled ones: the request
/// and service logins' connection strings (decision 0008), and optionally owner credentials so the platform
/// can migrate it.
/// </summary>
public sealed record DedicatedDatabase(
    string ProductsConnection, string OrdersConnection, string ProductsServiceConnection, string OrdersServiceConnection,
    string? ProductsMigrationConnection = null, string? OrdersMigrationConnection = null);

public sealed class SlugTakenException(string slug) : Exception($"The store address '{slug}' is already taken.")
{
    public string Slug { get; } = slug;
}

/// <summary>
/// The create-store workflow (ARCHITECTURE §3): Master row in 'provisioning' with its encrypted database
/// registration → the tenant rows with the same id in the Products and Orders databases → Master 'active'.
/// Every step is idempotent, so re-running after a crash at any step converges.
/// </summary>
public sealed partial class StoreProvisioner(
    IDbContextFactory<MasterDbContext> master, ITenantDbContextFactory tenants, StoreRegistry registry,
    ConnectionStringProtector protector, AvneraDataOptions options, DatabaseMigrator migrator, TimeProvider clock)
{
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z")] // \z: "$" would accept a trailing newline
    private static partial Regex SlugPattern();

    /// <summary>
    /// Addresses the platform uses or will use (paths, sub-domains, services): a store called "admin" or "login" would
    /// look like the platform to its visitors, and "www" or "api" would take a host name the platform needs.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "s", "admin", "administrator", "api", "app", "platform", "www", "web", "login", "logout", "signin", "signout", "signup",
        "register", "account", "accounts", "auth", "oauth", "sso", "callback", "forgot-password", "reset-password", "confirm-email",
        "static", "assets", "media", "images", "cdn", "files", "framework", "content", "blazor", "healthz", "readyz", "health",
        "status", "error", "errors", "webhooks", "webhook", "hooks", "mail", "email", "smtp", "support", "help", "docs", "blog",
        "dashboard", "billing", "payments", "checkout", "cart", "store", "stores", "shop", "shops", "new", "settings",
        "security", "root", "system", "staff", "owner", "avnera", "null", "undefined", "robots", "sitemap", "favicon",
    };

    public static string? ValidateSlug(string slug)
    {
        if (!SlugPattern().IsMatch(slug))
            return "A store address uses 1–63 lowercase letters, digits and dashes, and starts and ends with a letter or digit.";
        return ReservedSlugs.Contains(slug) ? $"The address /s/{slug} is reserved for the platform. Choose another." : null;
    }

    public async Task<Guid> ProvisionAsync(NewStore request, CancellationToken ct = default)
    {
        var slug = request.Slug.Trim().ToLowerInvariant();
        if (ValidateSlug(slug) is { } problem) throw new ArgumentException(problem, nameof(request));

        if (request.Dedicated is { } dedicated) await MigrateDedicatedAsync(dedicated, ct);
        var store = await RegisterAsync(request, slug, ct);

        await using (var products = await tenants.CreateProductsAsync(store.Id, DbPrincipal.Service, TenantAccess.Maintenance, ct))
        {
            if (!await products.Stores.AnyAsync(ct))
            {
                products.Stores.Add(new ProductsStore
                {
                    Id = store.Id, Name = request.Name, Email = request.Email.ToLowerInvariant(), Currency = request.Currency,
                    Culture = request.Culture, DefaultLanguage = (request.Languages ?? ["en"])[0], Languages = [.. request.Languages ?? ["en"]],
                });
                await products.SaveChangesAsync(ct);
            }
        }
        await using (var orders = await tenants.CreateOrdersAsync(store.Id, DbPrincipal.Service, TenantAccess.Maintenance, ct))
        {
            if (!await orders.Stores.AnyAsync(ct))
            {
                orders.Stores.Add(new OrdersStore { Id = store.Id });
                await orders.SaveChangesAsync(ct);
            }
        }

        if (store.Status == StoreStatus.Provisioning)
        {
            await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
            db.Attach(store);
            store.Activate(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            registry.Invalidate(store.Id, slug);
        }
        return store.Id;
    }

    private async Task MigrateDedicatedAsync(DedicatedDatabase dedicated, CancellationToken ct)
    {
        var reports = new List<MigrationReport>();
        if (dedicated.ProductsMigrationConnection is { } p)
            reports.Add(await migrator.MigrateAsync<Products.ProductsDbContext>(p, o => new Products.ProductsDbContext(o), ct));
        if (dedicated.OrdersMigrationConnection is { } o)
            reports.Add(await migrator.MigrateAsync<OrdersDbContext>(o, x => new OrdersDbContext(x), ct));
        if (reports.FirstOrDefault(r => !r.Succeeded) is { } failed)
            throw new InvalidOperationException($"The store's own database {failed.Database} could not be prepared: {failed.Error}");
    }

    private async Task<RegisteredStore> RegisterAsync(NewStore request, string slug, CancellationToken ct)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var existing = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (existing is not null)
        {
            // Same owner asking again (a retry) continues; anyone else is told the slug is taken.
            if (existing.OwnerUserId != request.OwnerUserId || (request.Id is { } id && id != existing.Id))
                throw new SlugTakenException(slug);
            return existing;
        }

        var now = clock.GetUtcNow();
        var store = new RegisteredStore(now)
        {
            Id = request.Id ?? Guid.CreateVersion7(), OwnerUserId = request.OwnerUserId, Slug = slug, Name = request.Name,
        };
        store.Members.Add(new StoreMember { StoreId = store.Id, UserId = request.OwnerUserId, Role = StoreRole.Owner, CreatedAt = now });
        var dedicated = request.Dedicated;
        store.Database = new StoreDatabase
        {
            StoreId = store.Id,
            ProductsConnection = protector.Protect(store.Id, dedicated?.ProductsConnection ?? options.Products),
            OrdersConnection = protector.Protect(store.Id, dedicated?.OrdersConnection ?? options.Orders),
            ProductsServiceConnection = protector.Protect(store.Id, dedicated?.ProductsServiceConnection ?? options.ProductsService),
            OrdersServiceConnection = protector.Protect(store.Id, dedicated?.OrdersServiceConnection ?? options.OrdersService),
            ProductsMigrationConnection = dedicated?.ProductsMigrationConnection is { } pm ? protector.Protect(store.Id, pm) : null,
            OrdersMigrationConnection = dedicated?.OrdersMigrationConnection is { } om ? protector.Protect(store.Id, om) : null,
            IsDedicated = dedicated is not null,
            UpdatedAt = now,
        };
        db.Stores.Add(store);
        db.CreditBalances.Add(new CreditBalance(store.Id, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new SlugTakenException(slug);
        }
        return store;
    }
}
