using Avnera.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.Integration;

/// <summary>The Data Protection key ring lives in Master, encrypted, so every instance shares it.</summary>
[Collection(E2ECollection.Name)]
public sealed class KeyRingTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task Keys_AreStoredInMaster_Encrypted_AndUsableByAnotherInstance()
    {
        var app = fixture.App;
        var protectedText = app.AppServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");

        var xml = await TestData.ScalarAsync<string>(app.Inspect(app.MasterDatabase), "select xml from data_protection_keys order by id limit 1");
        Assert.NotNull(xml);
        Assert.Contains("encryptedKey", xml);
        Assert.DoesNotContain("<masterKey", xml);

        // A second "instance" over the same Master reads the same ring.
        await using var other = AvneraDatabases.BuildServicesWith(app.Configuration(), s => Avnera.Web.Hosting.MasterKeyRingSetup.AddMasterKeyRing(s));
        Assert.Equal("secret", other.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }
}
