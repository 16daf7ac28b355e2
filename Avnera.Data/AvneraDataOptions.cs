using Microsoft.Extensions.Configuration;

namespace Avnera.Data;

/// <summary>
/// Connection strings, read from configuration (environment variables ConnectionStrings__Master etc.), one
/// login per kind of work (decision 0008):
/// <list type="bullet">
/// <item><c>Master</c>, <c>Products</c>, <c>Orders</c>: the request login. It owns nothing, has no BYPASSRLS and
/// can become only <c>anon</c> or <c>authenticated</c>: what a request's own unit of work holds.</item>
/// <item><c>*Service</c>: the service login, which can become <c>service_role</c>: sign-in's credential
/// tables, the store registry, provisioning, jobs and checkout. Request principals never get it.</item>
/// <item><c>*Owner</c>: the schema owner, only to apply migrations; may be absent where a DBA applies
/// database/*/schema.sql by hand.</item>
/// </list>
/// Products and Orders are the default pooled tenant databases new stores are placed in.
/// </summary>
public sealed record AvneraDataOptions(
    string Master, string Products, string Orders,
    string MasterService, string ProductsService, string OrdersService,
    string? MasterOwner, string? ProductsOwner, string? OrdersOwner)
{
    public static AvneraDataOptions From(IConfiguration configuration)
    {
        string Required(string name) => configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new AvneraConfigurationException(
                $"Connection string '{name}' is not configured. Set ConnectionStrings__{name} (see README, Configuration).");
        string? Optional(string name) => configuration.GetConnectionString(name) is { Length: > 0 } value ? value : null;
        return new AvneraDataOptions(Required("Master"), Required("Products"), Required("Orders"),
            Required("MasterService"), Required("ProductsService"), Required("OrdersService"),
            Optional("MasterOwner"), Optional("ProductsOwner"), Optional("OrdersOwner"));
    }
}
