using System.Collections.Concurrent;
using System.Globalization;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// Formats an amount in the store's currency using the store's culture: the culture decides separators
/// and symbol position, the currency decides the symbol (a French store selling in USD shows "12,50 $US").
/// </summary>
public static class Money
{
    private static readonly ConcurrentDictionary<(string Currency, string Culture), NumberFormatInfo> Formats = new();

    public static string Format(decimal amount, string currency, string culture) =>
        amount.ToString("C", Formats.GetOrAdd((currency, culture), Create));

    private static NumberFormatInfo Create((string Currency, string Culture) key)
    {
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(key.Culture); }
        catch (CultureNotFoundException) { culture = CultureInfo.InvariantCulture; }
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolFor(key.Currency, culture);
        return format;
    }

    private static string SymbolFor(string currency, CultureInfo preferred)
    {
        if (!preferred.IsNeutralCulture && preferred.Name != "" && new RegionInfo(preferred.Name).ISOCurrencySymbol == currency)
            return preferred.NumberFormat.CurrencySymbol;
        var match = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => new RegionInfo(c.Name))
            .FirstOrDefault(r => r.ISOCurrencySymbol == currency);
        return match?.CurrencySymbol ?? currency;
    }
}
