using Avnera.Data.Common;

namespace Avnera.Data.Products;

/// <summary>
/// A store's full configuration, in its Products database. Same id as the Master registry row
/// (Master holds routing: slug, status, owner; this holds what the storefront shows).
/// </summary>
public class Store : ITenantRoot
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; set; } = "EUR";
    /// <summary>BCP 47 culture used to format prices and dates, e.g. fr-FR.</summary>
    public string Culture { get; set; } = "en-US";
    public string DefaultLanguage { get; set; } = "en";
    public List<string> Languages { get; set; } = ["en"];
    public string Timezone { get; set; } = "UTC";
    public string? LogoUrl { get; set; }
    /// <summary>Theme colours and fonts as JSON (jsonb).</summary>
    public string Theme { get; set; } = "{}";
    /// <summary>Free-form settings as JSON (jsonb): checkout, tax, shipping options.</summary>
    public string Settings { get; set; } = "{}";
    /// <summary>Contact details as JSON (jsonb): phone, address, social links.</summary>
    public string Contact { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
