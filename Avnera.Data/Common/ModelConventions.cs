using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Avnera.Data.Common;

public static class ModelConventions
{
    /// <summary>
    /// Names every column, key, foreign key and index in snake_case (tables are named explicitly in each
    /// configuration). EFCore.NamingConventions does not work with EF 10, so this runs at the end of
    /// OnModelCreating. Explicit names set in a configuration are kept.
    /// </summary>
    public static void ApplySnakeCaseNames(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            if (entity.GetTableName() == entity.ClrType.Name) entity.SetTableName(Naming.ToSnakeCase(table));
            table = entity.GetTableName()!;
            var storeObject = StoreObjectIdentifier.Table(table, entity.GetSchema());

            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(storeObject) == property.Name)
                    property.SetColumnName(Naming.ToSnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                var cols = string.Join("_", key.Properties.Select(p => p.GetColumnName(storeObject)));
                key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : Truncate($"ak_{table}_{cols}"));
            }
            foreach (var fk in entity.GetForeignKeys())
            {
                var principal = fk.PrincipalEntityType.GetTableName();
                var cols = string.Join("_", fk.Properties.Select(p => p.GetColumnName(storeObject)));
                fk.SetConstraintName(Truncate($"fk_{table}_{principal}_{cols}"));
            }
            foreach (var index in entity.GetIndexes())
            {
                if (index.Name is not null) continue;
                var cols = string.Join("_", index.Properties.Select(p => p.GetColumnName(storeObject)));
                index.SetDatabaseName(Truncate($"{(index.IsUnique ? "ux" : "ix")}_{table}_{cols}"));
            }
        }
    }

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

    /// <summary>Postgres truncates identifiers at 63 bytes; keep names unique and deterministic instead.</summary>
    private static string Truncate(string name) =>
        name.Length <= 63 ? name : name[..54] + "_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8].ToLowerInvariant();
}
