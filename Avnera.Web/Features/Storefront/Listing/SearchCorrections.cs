using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// What a search looks for: the words of what the shopper typed, and, when nothing matches them as typed, the
/// most similar words of the store's catalog (pg_trgm over search_terms, search_vocabulary.sql) so a typo still
/// finds the product.
/// </summary>
internal static class SearchCorrections
{
    private const int MaxTerms = 8;

    /// <summary>Search terms: letters and digits only (so nothing reaches tsquery syntax), lower-case, at most 8.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Length > 40 ? t[..40] : t)
            .Distinct().Take(MaxTerms).ToList();

    /// <summary>Misspelt words replaced by the closest words of the store's catalog, in the page's transaction.</summary>
    public static async Task<IReadOnlyList<string>> CorrectAsync(ProductsDbContext db, string language, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var command = new NpgsqlCommand("select app.search_corrections(@language, @terms)", (NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        command.Parameters.AddWithValue("language", language);
        command.Parameters.AddWithValue("terms", terms.ToArray());
        var corrected = (string[])(await command.ExecuteScalarAsync(ct))!;
        return corrected.Distinct().ToList();
    }
}
