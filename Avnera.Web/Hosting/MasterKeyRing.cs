using Avnera.Data.Security;
using System.Xml.Linq;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Avnera.Web.Hosting;

/// <summary>
/// Keeps the Data Protection key ring in Master (table data_protection_keys), so antiforgery tokens and
/// cookies survive restarts and work on every instance; each key's XML is encrypted with ENCRYPTION_KEY.
/// </summary>
public sealed class MasterXmlRepository(IDbContextFactory<MasterDbContext> master) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = master.Create(DbPrincipal.Service);
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = master.Create(DbPrincipal.Service);
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public sealed class KeyRingEncryptor(ConnectionStringProtector protector) : IXmlEncryptor
{
    internal const string Purpose = "avnera/data-protection-key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey", protector.Protect(Purpose, plaintextElement.ToString(SaveOptions.DisableFormatting))),
            typeof(KeyRingDecryptor));
}

/// <summary>Created by Data Protection through its service provider.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<ConnectionStringProtector>().Unprotect(KeyRingEncryptor.Purpose, encryptedElement.Value));
}

public static class MasterKeyRingSetup
{
    public static IServiceCollection AddMasterKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Avnera");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new MasterXmlRepository(sp.GetRequiredService<IDbContextFactory<MasterDbContext>>());
            o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<ConnectionStringProtector>());
        }));
        return services;
    }
}
