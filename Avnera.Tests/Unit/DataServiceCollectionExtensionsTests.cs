using Avnera.Data;
using Avnera.Data.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Unit;

public class DataServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> ConnectionStrings = new()
    {
        ["ConnectionStrings:Master"] = "Host=127.0.0.1;Port=5432;Database=avnera_master;Username=avnera",
        ["ConnectionStrings:Products"] = "Host=127.0.0.1;Port=5432;Database=avnera_products;Username=avnera",
        ["ConnectionStrings:Orders"] = "Host=127.0.0.1;Port=5432;Database=avnera_orders;Username=avnera",
        ["ConnectionStrings:MasterService"] = "Host=127.0.0.1;Port=5432;Database=avnera_master;Username=avnera_service",
        ["ConnectionStrings:ProductsService"] = "Host=127.0.0.1;Port=5432;Database=avnera_products;Username=avnera_service",
        ["ConnectionStrings:OrdersService"] = "Host=127.0.0.1;Port=5432;Database=avnera_orders;Username=avnera_service",
    };

    private static IConfiguration Config(IDictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(IDictionary<string, string?> values, bool isDevelopment)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAvneraData(Config(values), isDevelopment);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Protector_NoEncryptionKeyOutsideDevelopment_RefusesToStart()
    {
        using var provider = Build(ConnectionStrings, isDevelopment: false);

        var error = Assert.Throws<AvneraConfigurationException>(() => provider.GetRequiredService<ConnectionStringProtector>());

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }

    [Fact]
    public void Protector_BlankEncryptionKeyOutsideDevelopment_RefusesToStart()
    {
        using var provider = Build(new Dictionary<string, string?>(ConnectionStrings) { ["ENCRYPTION_KEY"] = "   " }, isDevelopment: false);

        var error = Assert.Throws<AvneraConfigurationException>(() => provider.GetRequiredService<ConnectionStringProtector>());

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }

    [Fact]
    public void Protector_NoEncryptionKeyInDevelopment_UsesADevelopmentKey()
    {
        using var provider = Build(ConnectionStrings, isDevelopment: true);

        var protector = provider.GetRequiredService<ConnectionStringProtector>();

        var storeId = Guid.NewGuid();
        Assert.Equal("Host=x", protector.Unprotect(storeId, protector.Protect(storeId, "Host=x")));
    }

    [Fact]
    public void Protector_ConfiguredKey_IsTheKeyThatIsUsed()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var storeId = Guid.NewGuid();
        var ciphertext = new ConnectionStringProtector(key).Protect(storeId, "Host=tenant-db");
        using var provider = Build(
            new Dictionary<string, string?>(ConnectionStrings) { ["ENCRYPTION_KEY"] = Convert.ToBase64String(key) }, isDevelopment: false);

        var protector = provider.GetRequiredService<ConnectionStringProtector>();

        Assert.Equal("Host=tenant-db", protector.Unprotect(storeId, ciphertext));
    }

    [Fact]
    public void Protector_MalformedEncryptionKey_RefusesToStartEvenInDevelopment()
    {
        using var provider = Build(new Dictionary<string, string?>(ConnectionStrings) { ["ENCRYPTION_KEY"] = "too-short" }, isDevelopment: true);

        var error = Assert.Throws<AvneraConfigurationException>(() => provider.GetRequiredService<ConnectionStringProtector>());

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }

    [Theory]
    [InlineData("Master")]
    [InlineData("Products")]
    [InlineData("Orders")]
    [InlineData("MasterService")]
    [InlineData("ProductsService")]
    [InlineData("OrdersService")]
    public void AddAvneraData_MissingConnectionString_ThrowsNamingTheVariable(string name)
    {
        var values = new Dictionary<string, string?>(ConnectionStrings);
        values.Remove($"ConnectionStrings:{name}");
        var services = new ServiceCollection().AddLogging();

        var error = Assert.Throws<AvneraConfigurationException>(() => services.AddAvneraData(Config(values), isDevelopment: true));

        Assert.Contains($"ConnectionStrings__{name}", error.Message);
    }

    [Fact]
    public void AddAvneraData_EmptyMasterConnectionString_ThrowsNamingTheVariable()
    {
        var values = new Dictionary<string, string?>(ConnectionStrings) { ["ConnectionStrings:Master"] = "" };
        var services = new ServiceCollection().AddLogging();

        var error = Assert.Throws<AvneraConfigurationException>(() => services.AddAvneraData(Config(values), isDevelopment: true));

        Assert.Contains("ConnectionStrings__Master", error.Message);
    }
}
