using Avnera.Data.Common;
using Avnera.Data.Master;
using Avnera.Data.Orders;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Tests.Unit;

/// <summary>One address shape: the same rules for every form that saves one, the same columns in both databases.</summary>
public class PostalAddressTests
{
    private sealed record Typed(
        string? Label = "Home", string? RecipientName = "Sam Rivera", string? Line1 = "12 Rue des Lilas", string? Line2 = null,
        string? City = "Lyon", string? Region = null, string? PostalCode = "69003", string? CountryCode = "FR", string? Phone = null)
        : IPostalAddressFields;

    private static string? ErrorOf(IPostalAddressFields fields, string member) =>
        PostalAddress.Validate(fields).SingleOrDefault(e => e.MemberNames.Contains(member))?.ErrorMessage;

    [Fact]
    public void Validate_CompleteAddress_HasNoErrors()
    {
        Assert.Empty(PostalAddress.Validate(new Typed()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoPostalCode_IsAccepted(string? postalCode)
    {
        Assert.Empty(PostalAddress.Validate(new Typed(PostalCode: postalCode)));
    }

    [Theory]
    [InlineData("France")]
    [InlineData("FRA")]
    [InlineData("F1")]
    [InlineData("É")]
    public void Validate_CountryNameOrOtherCode_IsRefusedAskingForTheTwoLetters(string country)
    {
        var error = ErrorOf(new Typed(CountryCode: country), nameof(IPostalAddressFields.CountryCode));
        Assert.NotNull(error);
        Assert.Contains($"\"{country}\" is not a country code", error);
        Assert.Contains("e.g. FR for France", error);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData(" FR ")]
    [InlineData("FR\n")]
    public void Validate_TwoLettersInAnyCaseOrSpacing_AreAccepted(string country)
    {
        Assert.Empty(PostalAddress.Validate(new Typed(CountryCode: country)));
    }

    [Fact]
    public void Validate_MissingRequiredFields_SaysWhatToEnterBesideEachField()
    {
        var errors = PostalAddress.Validate(new Typed(RecipientName: " ", Line1: null, City: "", CountryCode: null));

        Assert.Equal(
            [(nameof(IPostalAddressFields.RecipientName), "Enter the recipient's name."), (nameof(IPostalAddressFields.Line1), "Enter the street address."),
             (nameof(IPostalAddressFields.City), "Enter the city."), (nameof(IPostalAddressFields.CountryCode), "Enter the country's two-letter code, e.g. FR for France.")],
            errors.Select(e => (e.MemberNames.Single(), e.ErrorMessage)));
    }

    [Fact]
    public void Validate_LabelOfSixtyCharacters_FitsBothTables_ButNotSixtyOne()
    {
        Assert.Empty(PostalAddress.Validate(new Typed(Label: new string('a', 60))));
        Assert.Equal("The label can be at most 60 characters.", ErrorOf(new Typed(Label: new string('a', 61)), nameof(IPostalAddressFields.Label)));
    }

    [Fact]
    public void Validate_ControlCharacters_AreRefused_NotLeftForTheDatabaseToFailOn()
    {
        Assert.Equal("The city contains characters that cannot be saved.", ErrorOf(new Typed(City: "Ly\0on"), nameof(IPostalAddressFields.City)));
    }

    [Fact]
    public void Assign_TrimsText_BlanksOptionalFieldsToNull_AndUpperCasesTheCountry()
    {
        var address = new UserAddress { IsDefaultShipping = true };

        address.Assign(new Typed(Label: "  ", RecipientName: " Sam Rivera ", Line1: "12 Rue des Lilas ", Line2: " ", City: " Lyon",
            Region: " Rhône ", PostalCode: "", CountryCode: " fr ", Phone: " +33 4 00 00 00 00 "));

        Assert.Equal((null, "Sam Rivera", "12 Rue des Lilas", null, "Lyon", "Rhône", null, "FR", "+33 4 00 00 00 00"),
            (address.Label, address.RecipientName, address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.CountryCode, address.Phone));
        Assert.True(address.IsDefaultShipping); // the flags are the address book's, not the typed address's
    }

    [Fact]
    public void Assign_InvalidAddress_Throws_AndChangesNothing()
    {
        var address = new CustomerAddress();
        address.Assign(new Typed());

        var ex = Assert.Throws<ArgumentException>(() => address.Assign(new Typed(City: "Paris", CountryCode: "France")));

        Assert.Contains("is not a country code", ex.Message);
        Assert.Equal(("Lyon", "FR"), (address.City, address.CountryCode));
    }

    [Fact]
    public void Columns_AreTheSameInUserAndCustomerAddresses()
    {
        const string placeholder = "Host=127.0.0.1;Database=avnera_model_check;Username=nobody";
        using var master = new MasterDbContext(DbOptions.For<MasterDbContext>(placeholder));
        using var orders = new OrdersDbContext(DbOptions.For<OrdersDbContext>(placeholder));
        static IEnumerable<string> Describe(DbContext db, Type entity) =>
            typeof(PostalAddress).GetProperties().Select(p => db.Model.FindEntityType(entity)!.FindProperty(p.Name)!)
                .Select(p => $"{p.GetColumnName()} {p.GetColumnType()} {(p.IsNullable ? "null" : "not null")}");

        var user = Describe(master, typeof(UserAddress)).ToList();

        Assert.Equal(user, Describe(orders, typeof(CustomerAddress)));
        Assert.Contains("postal_code character varying(20) null", user);
        Assert.Contains("label character varying(60) null", user);
        Assert.Contains("country_code character(2) not null", user);
    }
}
