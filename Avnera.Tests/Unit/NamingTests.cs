using Avnera.Data.Common;

namespace Avnera.Tests.Unit;

public class NamingTests
{
    [Theory]
    [InlineData("ProductVariant", "product_variant")]
    [InlineData("StockOnHand", "stock_on_hand")]
    [InlineData("Line1", "line1")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("Id", "id")]
    [InlineData("OrdersStore", "orders_store")]
    [InlineData("StoreId", "store_id")]
    [InlineData("HTMLParser", "html_parser")]
    [InlineData("Address2Line", "address2_line")]
    public void ToSnakeCase_PascalCaseName_GivesPostgresName(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToSnakeCase(name));
    }

    [Theory]
    [InlineData("already_snake")]
    [InlineData("ix_product_variant_sku")]
    public void ToSnakeCase_AlreadySnakeCase_IsUnchanged(string name)
    {
        Assert.Equal(name, Naming.ToSnakeCase(name));
    }

    [Fact]
    public void ToSnakeCase_UnderscoreBeforeCapital_DoesNotDoubleTheUnderscore()
    {
        Assert.Equal("pk_orders", Naming.ToSnakeCase("PK_Orders"));
    }

    [Fact]
    public void ToSnakeCase_EmptyString_ReturnsEmpty()
    {
        Assert.Equal("", Naming.ToSnakeCase(""));
    }
}
