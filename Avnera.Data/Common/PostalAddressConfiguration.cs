using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Common;

/// <summary>The columns of a <see cref="PostalAddress"/>, the same in every table that holds one.</summary>
public static class PostalAddressConfiguration
{
    /// <summary>Maps the address columns of <typeparamref name="T"/> into <paramref name="table"/>, with its country-code check.</summary>
    public static EntityTypeBuilder<T> HasPostalAddress<T>(this EntityTypeBuilder<T> b, string table) where T : PostalAddress
    {
        b.ToTable(table, t => t.HasCheckConstraint($"ck_{table}_country_code", "country_code ~ '^[A-Z]{2}$'"));
        b.Property(a => a.Label).HasMaxLength(PostalAddress.LabelLength);
        b.Property(a => a.RecipientName).HasMaxLength(PostalAddress.RecipientNameLength);
        b.Property(a => a.Line1).HasMaxLength(PostalAddress.LineLength);
        b.Property(a => a.Line2).HasMaxLength(PostalAddress.LineLength);
        b.Property(a => a.City).HasMaxLength(PostalAddress.CityLength);
        b.Property(a => a.Region).HasMaxLength(PostalAddress.RegionLength);
        b.Property(a => a.PostalCode).HasMaxLength(PostalAddress.PostalCodeLength);
        b.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(a => a.Phone).HasMaxLength(PostalAddress.PhoneLength);
        return b;
    }
}
