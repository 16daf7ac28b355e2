using System.Security.Cryptography;
using Avnera.Data;
using System.Text;

namespace Avnera.Data.Tenancy;

/// <summary>
/// Encrypts tenant connection strings with AES-256-GCM under the deployment's ENCRYPTION_KEY. The store id
/// is authenticated as associated data, so a ciphertext copied onto another store's row does not decrypt.
/// Format: "v1:" + base64(nonce[12] | ciphertext | tag[16]).
/// </summary>
public sealed class ConnectionStringProtector
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public ConnectionStringProtector(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("ENCRYPTION_KEY must be 32 bytes (AES-256).", nameof(key));
        _key = key;
    }

    /// <summary>Parses a key given as base64 (44 characters) or hex (64 characters).</summary>
    public static byte[] ParseKey(string value)
    {
        value = value.Trim();
        byte[]? key = null;
        if (value.Length == 64 && value.All(Uri.IsHexDigit)) key = Convert.FromHexString(value);
        else
        {
            try { key = Convert.FromBase64String(value); } catch (FormatException) { }
        }
        if (key is not { Length: 32 })
            throw new AvneraConfigurationException(
                "ENCRYPTION_KEY must be 32 random bytes, written as base64 or 64 hex digits (e.g. `openssl rand -base64 32`).");
        return key;
    }

    public string Protect(Guid storeId, string plaintext) => Protect(StorePurpose(storeId), plaintext);

    public string Unprotect(Guid storeId, string protectedValue) => Unprotect(StorePurpose(storeId), protectedValue);

    /// <summary>Encrypts under a purpose string (authenticated, not secret): a value only opens for the same purpose.</summary>
    public string Protect(string purpose, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(purpose));
        return Prefix + Convert.ToBase64String(output);
    }

    public string Unprotect(string purpose, string protectedValue)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("Unknown connection string format.");
        var data = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Ciphertext is truncated.");
        var cipherLength = data.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, cipherLength), data.AsSpan(NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    private static string StorePurpose(Guid storeId) => "avnera/store-database/" + storeId.ToString("D");
}
