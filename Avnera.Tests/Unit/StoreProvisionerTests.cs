using Avnera.Data.Tenancy;

namespace Avnera.Tests.Unit;

public class StoreProvisionerTests
{
    [Theory]
    [InlineData("maison-lumiere")]
    [InlineData("a")]
    [InlineData("store-42")]
    [InlineData("42")]
    [InlineData("oak-and-ember")]
    [InlineData("a--b")]
    public void ValidateSlug_ValidAddress_ReturnsNull(string slug)
    {
        Assert.Null(StoreProvisioner.ValidateSlug(slug));
    }

    [Fact]
    public void ValidateSlug_63Characters_IsAccepted()
    {
        Assert.Null(StoreProvisioner.ValidateSlug(new string('a', 63)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-x")]
    [InlineData("x-")]
    [InlineData("-")]
    [InlineData("UPPER")]
    [InlineData("Maison-lumiere")]
    [InlineData("with space")]
    [InlineData(" padded")]
    [InlineData("é")]
    [InlineData("maison-lumière")]
    [InlineData("store_42")]
    [InlineData("store.42")]
    [InlineData("a/b")]
    [InlineData("../admin")]
    public void ValidateSlug_InvalidAddress_ReturnsReadableMessage(string slug)
    {
        var problem = StoreProvisioner.ValidateSlug(slug);

        Assert.NotNull(problem);
        Assert.Contains("lowercase letters, digits and dashes", problem);
        Assert.Contains("63", problem);
    }

    [Fact]
    public void ValidateSlug_64Characters_IsRejected()
    {
        Assert.NotNull(StoreProvisioner.ValidateSlug(new string('a', 64)));
    }
}
