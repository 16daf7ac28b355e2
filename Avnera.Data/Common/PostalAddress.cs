using System.ComponentModel.DataAnnotations;

namespace Avnera.Data.Common;

/// <summary>An address as someone typed it: raw text, checked and tidied by <see cref="PostalAddress"/>.</summary>
public interface IPostalAddressFields
{
    string? Label { get; }
    string? RecipientName { get; }
    string? Line1 { get; }
    string? Line2 { get; }
    string? City { get; }
    string? Region { get; }
    string? PostalCode { get; }
    string? CountryCode { get; }
    string? Phone { get; }
}

/// <summary>
/// The one shape of a postal address: a person's address book (Master user_addresses) and a store's customer
/// addresses (Orders customer_addresses) have the same fields, limits and rules, so an address copied from one
/// to the other always fits. Columns come from <see cref="PostalAddressConfiguration"/>; what may be saved is
/// decided by <see cref="Validate"/>, which the account pages show and <see cref="Assign"/> enforces.
/// A postal code is optional: some countries have none (Hong Kong, much of the Gulf).
/// </summary>
public abstract class PostalAddress : IPostalAddressFields
{
    public const int LabelLength = 60;
    public const int RecipientNameLength = 200;
    public const int LineLength = 200;
    public const int CityLength = 100;
    public const int RegionLength = 100;
    public const int PostalCodeLength = 20;
    public const int PhoneLength = 40;

    /// <summary>The person's own name for the address, e.g. "Home".</summary>
    public string? Label { get; set; }
    public string RecipientName { get; set; } = "";
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string City { get; set; } = "";
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case, e.g. FR (the database checks the form too).</summary>
    public string CountryCode { get; set; } = "";
    public string? Phone { get; set; }
    public bool IsDefaultShipping { get; set; }
    public bool IsDefaultBilling { get; set; }

    /// <summary>
    /// What is wrong with <paramref name="fields"/> once trimmed, one result per field named as in
    /// <see cref="IPostalAddressFields"/> (so a form shows each beside its input); empty when it can be saved.
    /// </summary>
    public static IReadOnlyList<ValidationResult> Validate(IPostalAddressFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<ValidationResult>();
        void Check(string member, string name, string? value, int length, string? required = null)
        {
            var text = value?.Trim() ?? "";
            string? error = null;
            if (text.Length == 0) error = required;
            else if (text.Length > length) error = $"{name} can be at most {length} characters.";
            else if (text.Any(char.IsControl)) error = $"{name} contains characters that cannot be saved.";
            if (error is not null) errors.Add(new ValidationResult(error, [member]));
        }
        Check(nameof(Label), "The label", fields.Label, LabelLength);
        Check(nameof(RecipientName), "The recipient's name", fields.RecipientName, RecipientNameLength, "Enter the recipient's name.");
        Check(nameof(Line1), "The street address", fields.Line1, LineLength, "Enter the street address.");
        Check(nameof(Line2), "The second address line", fields.Line2, LineLength);
        Check(nameof(City), "The city", fields.City, CityLength, "Enter the city.");
        Check(nameof(Region), "The region", fields.Region, RegionLength);
        Check(nameof(PostalCode), "The postal code", fields.PostalCode, PostalCodeLength);
        Check(nameof(Phone), "The phone number", fields.Phone, PhoneLength);
        var country = fields.CountryCode?.Trim() ?? "";
        if (country.Length == 0)
            errors.Add(new ValidationResult("Enter the country's two-letter code, e.g. FR for France.", [nameof(CountryCode)]));
        else if (!IsCountryCode(country))
            errors.Add(new ValidationResult(
                $"\"{Shorten(country)}\" is not a country code: use the country's two letters (ISO 3166), e.g. FR for France or DE for Germany.",
                [nameof(CountryCode)]));
        return errors;
    }

    /// <summary>
    /// Takes the address of <paramref name="fields"/>, trimmed, blank optional fields as null and the country code in
    /// upper case; the default flags are left as they are. Throws when <see cref="Validate"/> finds a problem.
    /// </summary>
    public void Assign(IPostalAddressFields fields)
    {
        if (Validate(fields) is [_, ..] errors)
            throw new ArgumentException("Invalid address: " + string.Join(" ", errors.Select(e => e.ErrorMessage)), nameof(fields));
        Label = Blank(fields.Label);
        RecipientName = fields.RecipientName!.Trim();
        Line1 = fields.Line1!.Trim();
        Line2 = Blank(fields.Line2);
        City = fields.City!.Trim();
        Region = Blank(fields.Region);
        PostalCode = Blank(fields.PostalCode);
        CountryCode = fields.CountryCode!.Trim().ToUpperInvariant();
        Phone = Blank(fields.Phone);
    }

    private static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetter);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
