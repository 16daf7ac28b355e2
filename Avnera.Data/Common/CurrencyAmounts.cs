namespace Avnera.Data.Common;

/// <summary>
/// Amounts in a currency's smallest unit (ISO 4217 minor unit): cents for EUR, whole yen for JPY. Money
/// columns are numeric(14,2), so currencies with three minor digits (BHD, KWD, ...) are held to two until a
/// store needs one; a price with more digits than the currency has is refused, a computed amount (a
/// percentage, a tax) is rounded half away from zero, as receipts and tax authorities round.
/// </summary>
public static class CurrencyAmounts
{
    private static readonly HashSet<string> WithoutMinorUnit =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];

    public static int MinorDigits(string currency) => WithoutMinorUnit.Contains(currency) ? 0 : 2;

    /// <summary>The smallest amount of the currency: 0.01 for EUR, 1 for JPY.</summary>
    public static decimal MinorUnit(string currency) => MinorDigits(currency) == 0 ? 1m : 0.01m;

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);

    /// <summary>The amount itself when it is a whole number of minor units and not negative; throws otherwise.</summary>
    public static decimal RequireExact(decimal amount, string currency, string what)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(what, amount, $"{what} cannot be negative ({amount} {currency}).");
        if (Round(amount, currency) != amount)
            throw new ArgumentOutOfRangeException(what, amount,
                $"{what} {amount} {currency} has more decimals than {currency} has ({MinorDigits(currency)}).");
        return amount;
    }
}
