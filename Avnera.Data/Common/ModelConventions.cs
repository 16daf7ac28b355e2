using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Common;

public static class ModelConventions
{
    /// <summary>Every decimal is money unless configured otherwise: numeric(14,2).</summary>
    public static void ApplyMoneyPrecision(this ModelConfigurationBuilder builder) =>
        builder.Properties<decimal>().HavePrecision(14, 2);

    /// <summary>
    /// Stores an enum as its snake_case name in a text column guarded by a check constraint listing the
    /// allowed values, so SQL written by hand (or by a DBA) cannot put an unknown state in the column.
    /// </summary>
    public static PropertyBuilder<TEnum> HasEnumText<TEntity, TEnum>(
        this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, TEnum>> property, string table)
        where TEntity : class where TEnum : struct, Enum
    {
        var member = ((MemberExpression)property.Body).Member.Name;
        var column = Naming.ToSnakeCase(member);
        var values = string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"'{Naming.ToSnakeCase(n)}'"));
        builder.ToTable(table, t => t.HasCheckConstraint($"ck_{table}_{column}", $"{column} in ({values})"));
        return builder.Property(property)
            .HasConversion(v => Naming.ToSnakeCase(v.ToString()), v => ParseSnake<TEnum>(v))
            .HasMaxLength(40);
    }

    /// <summary>Nullable variant of <see cref="HasEnumText{TEntity,TEnum}"/>.</summary>
    public static PropertyBuilder<TEnum?> HasEnumText<TEntity, TEnum>(
        this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, TEnum?>> property, string table)
        where TEntity : class where TEnum : struct, Enum
    {
        var member = ((MemberExpression)property.Body).Member.Name;
        var column = Naming.ToSnakeCase(member);
        var values = string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"'{Naming.ToSnakeCase(n)}'"));
        builder.ToTable(table, t => t.HasCheckConstraint($"ck_{table}_{column}", $"{column} is null or {column} in ({values})"));
        return builder.Property(property)
            .HasConversion(v => v == null ? null : Naming.ToSnakeCase(v.Value.ToString()), v => v == null ? null : ParseSnake<TEnum>(v))
            .HasMaxLength(40);
    }

    public static TEnum ParseSnake<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(value.Replace("_", ""), ignoreCase: true);
}
