using System.Security.Cryptography;
using Avnera.Data;
using Avnera.Data.Tenancy;

namespace Avnera.Tests.Unit;

public class ConnectionStringProtectorTests
{
    private const string Plaintext = "Host=db.internal;Port=5432;Database=store_42;Username=store_42;Password=s3cr3t-pässword";

    private static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Unprotect_ValueProtectedForSameStore_ReturnsOriginalText()
    {
        var protector = new ConnectionStringProtector(NewKey());
        var storeId = Guid.NewGuid();

        var ciphertext = protector.Protect(storeId, Plaintext);

        Assert.Equal(Plaintext, protector.Unprotect(storeId, ciphertext));
    }

    [Fact]
    public void Protect_AnyText_IsVersionedAndHidesThePlaintext()
    {
        var protector = new ConnectionStringProtector(NewKey());

        var ciphertext = protector.Protect(Guid.NewGuid(), Plaintext);

        Assert.StartsWith("v1:", ciphertext, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ciphertext, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("store_42", ciphertext, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Protect_SameTextTwice_GivesDifferentCiphertexts()
    {
        var protector = new ConnectionStringProtector(NewKey());
        var storeId = Guid.NewGuid();

        var first = protector.Protect(storeId, Plaintext);
        var second = protector.Protect(storeId, Plaintext);

        Assert.NotEqual(first, second);
        Assert.Equal(Plaintext, protector.Unprotect(storeId, second));
    }

    [Fact]
    public void Unprotect_CiphertextOfAnotherStore_Throws()
    {
        var protector = new ConnectionStringProtector(NewKey());
        var ciphertext = protector.Protect(Guid.NewGuid(), Plaintext);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), ciphertext));
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_Throws()
    {
        var protector = new ConnectionStringProtector(NewKey());
        var storeId = Guid.NewGuid();
        var bytes = Convert.FromBase64String(protector.Protect(storeId, Plaintext)["v1:".Length..]);
        bytes[20] ^= 0x01; // a bit of the encrypted text, after the 12-byte nonce
        var tampered = "v1:" + Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(storeId, tampered));
    }

    [Fact]
    public void Unprotect_WithAnotherKey_Throws()
    {
        var storeId = Guid.NewGuid();
        var ciphertext = new ConnectionStringProtector(NewKey()).Protect(storeId, Plaintext);

        Assert.ThrowsAny<CryptographicException>(() => new ConnectionStringProtector(NewKey()).Unprotect(storeId, ciphertext));
    }

    [Theory]
    [InlineData("Host=db;Password=x")]
    [InlineData("v2:AAAA")]
    public void Unprotect_ValueWithoutV1Prefix_Throws(string value)
    {
        var protector = new ConnectionStringProtector(NewKey());

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), value));
    }

    [Fact]
    public void Unprotect_TruncatedCiphertext_Throws()
    {
        var protector = new ConnectionStringProtector(NewKey());

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), "v1:" + Convert.ToBase64String(new byte[20])));
    }

    [Fact]
    public void ParseKey_Base64Of32Bytes_ReturnsTheBytes()
    {
        var key = NewKey();

        Assert.Equal(key, ConnectionStringProtector.ParseKey(Convert.ToBase64String(key)));
    }

    [Fact]
    public void ParseKey_SurroundingWhitespace_IsIgnored()
    {
        var key = NewKey();

        Assert.Equal(key, ConnectionStringProtector.ParseKey("  " + Convert.ToBase64String(key) + "\n"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParseKey_64HexDigits_ReturnsTheBytes(bool upperCase)
    {
        var key = NewKey();
        var hex = upperCase ? Convert.ToHexString(key) : Convert.ToHexStringLower(key);

        Assert.Equal(key, ConnectionStringProtector.ParseKey(hex));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void ParseKey_Base64OfWrongLength_ThrowsNamingEncryptionKey(int length)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(length));

        var error = Assert.Throws<AvneraConfigurationException>(() => ConnectionStringProtector.ParseKey(value));

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }

    [Theory]
    [InlineData("00112233445566778899aabbccddeeff")] // 32 hex digits = 16 bytes
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00")] // 66 hex digits
    [InlineData("not a key at all")]
    [InlineData("")]
    public void ParseKey_OtherValues_ThrowNamingEncryptionKey(string value)
    {
        var error = Assert.Throws<AvneraConfigurationException>(() => ConnectionStringProtector.ParseKey(value));

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_KeyNot32Bytes_Throws(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new ConnectionStringProtector(new byte[length]));

        Assert.Contains("ENCRYPTION_KEY", error.Message);
    }
}
