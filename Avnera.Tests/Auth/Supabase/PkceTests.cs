using Avnera.Web.Auth.Supabase;

namespace Avnera.Tests.Auth.Supabase;

public class PkceTests
{
    [Fact]
    public void Challenge_Rfc7636Example_MatchesAppendixB()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void Challenge_AnyVerifier_IsBase64UrlWithoutPadding()
    {
        var challenge = Pkce.Challenge(Pkce.CreateVerifier());

        Assert.Equal(43, challenge.Length); // 32 bytes of SHA-256
        Assert.Matches("^[A-Za-z0-9_-]+$", challenge);
    }

    [Theory]
    [InlineData(43)]
    [InlineData(64)]
    [InlineData(128)]
    public void CreateVerifier_AllowedLength_UsesUnreservedCharactersOnly(int length)
    {
        var verifier = Pkce.CreateVerifier(length);

        Assert.Equal(length, verifier.Length);
        Assert.Matches("^[A-Za-z0-9._~-]+$", verifier);
    }

    [Fact]
    public void CreateVerifier_Default_Is64CharactersAndNeverRepeats()
    {
        var verifiers = Enumerable.Range(0, 100).Select(_ => Pkce.CreateVerifier()).ToList();

        Assert.All(verifiers, v => Assert.Equal(64, v.Length));
        Assert.Equal(100, verifiers.Distinct().Count());
    }

    [Theory]
    [InlineData(42)]
    [InlineData(129)]
    public void CreateVerifier_LengthOutsideRfc_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pkce.CreateVerifier(length));
    }
}
