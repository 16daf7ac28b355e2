using Microsoft.Extensions.Configuration;

namespace Avnera.Data;

/// <summary>
/// Connection strings, read from configuration (environment variables ConnectionStrings__Master etc.).
/// The plain names are the application role's (owns nothing, no BYPASSRLS); the *Owner ones are used only
/// to apply migrations and may be absent where a DBA applies database/*/schema.sql by hand.
/// Products and Orders are the default pooled tenant databases new stores are placed in.
/// </summary>
public sealed record AvneraDataOptions(
    string Master, string Products, string Orders,
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
            Optional("MasterOwner"), Optional("ProductsOwner"), Optional("OrdersOwner"));
    }
}
