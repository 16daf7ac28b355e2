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

/// <summary>
/// A buyer's address kept by the store (the shape is <see cref="PostalAddress"/>). Keyed (store_id, id) like every
/// <see cref="TenantEntity"/>, which it cannot also inherit from.
/// </summary>
public class CustomerAddress : PostalAddress, ITenantEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoreId { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
