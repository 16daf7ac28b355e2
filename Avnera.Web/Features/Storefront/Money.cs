using System.Collections.Concurrent;
using System.Globalization;

namespace Avnera.Web.Features.Storefront;

/// <summary>
/// Formats an amount in the store's currency using the store's culture: the culture decides separators
/// and symbol position, the currency decides the symbol and the number of decimals. A symbol that several
/// currencies share ("$", "¥", "kr") is replaced by the ISO code when the currency is not the culture's
/// own, so a French store selling in US dollars shows "79,90 USD", never an ambiguous "79,90 $".
/// </summary>
public static class Money
{
    private static readonly ConcurrentDictionary<(string Currency, string Culture), NumberFormatInfo> Formats = new();

    /// <summary>Symbols that mean different currencies to different shoppers (dollars, yen/yuan, crowns).</summary>
    private static readonly HashSet<string> AmbiguousSymbols = ["$", "¥", "￥", "kr", "kr.", "Kr.", "Kč"];

    /// <summary>For each currency, a culture of a country that uses it (its symbol and decimals).</summary>
    private static readonly Lazy<Dictionary<string, CultureInfo>> HomeCultures = new(() =>
    {
        var home = new Dictionary<string, CultureInfo>();
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            home.TryAdd(new RegionInfo(culture.Name).ISOCurrencySymbol, culture);
        return home;
    });

    public static string Format(decimal amount, string currency, string culture) =>
        amount.ToString("C", Formats.GetOrAdd((currency, culture), Create));

    private static NumberFormatInfo Create((string Currency, string Culture) key)
    {
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(key.Culture); }
        catch (CultureNotFoundException) { culture = CultureInfo.InvariantCulture; }
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var ownCurrency = !culture.IsNeutralCulture && culture.Name != "" && new RegionInfo(culture.Name).ISOCurrencySymbol == key.Currency;
        if (ownCurrency) return format;

        if (HomeCultures.Value.TryGetValue(key.Currency, out var homeCulture))
        {
            var symbol = new RegionInfo(homeCulture.Name).CurrencySymbol;
            format.CurrencySymbol = AmbiguousSymbols.Contains(symbol) ? key.Currency : symbol;
            format.CurrencyDecimalDigits = homeCulture.NumberFormat.CurrencyDecimalDigits;
        }
        else
        {
            format.CurrencySymbol = key.Currency;
        }
        return format;
    }
}
