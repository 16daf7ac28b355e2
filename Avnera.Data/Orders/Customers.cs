using Avnera.Data.Common;

namespace Avnera.Data.Orders;

/// <summary>
/// A buyer of the store. Registered shoppers are linked to their Master user (<see cref="UserId"/>, no FK:
/// another database); guests get a row too (no user), so every order has a customer.
/// </summary>
public class Customer : TenantEntity
{
    /// <summary>Master user id; null for guests.</summary>
    public Guid? UserId { get; set; }
    public required string Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public bool AcceptsMarketing { get; set; }
    public bool IsGuest { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<CustomerAddress> Addresses { get; set; } = [];
}

public class CustomerAddress : TenantEntity
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>Shopper's own name for the address, e.g. "Home".</summary>
    public string? Label { get; set; }
    public required string RecipientName { get; set; }
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public required string City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case, e.g. FR.</summary>
    public required string CountryCode { get; set; }
    public string? Phone { get; set; }
    public bool IsDefaultShipping { get; set; }
    public bool IsDefaultBilling { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
