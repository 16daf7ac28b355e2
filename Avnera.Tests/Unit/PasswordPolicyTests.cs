using System.Diagnostics;
using Avnera.Web.Auth.Passwords;

namespace Avnera.Tests.Unit;

public class PasswordPolicyTests
{
    private const string Email = "sam.shopper@example.com";

    [Theory]
    [InlineData("1234567890")]
    [InlineData("password12")]
    [InlineData("Password12")]
    [InlineData("PASSWORD12")]
    [InlineData("qwertyuiop")]
    [InlineData("iloveyou123")]
    [InlineData("password2024!")] // a listed password with digits and a symbol added
    [InlineData("  Sunshine123  ")]
    public void CommonPassword_IsRefused_WhateverItsCase(string password)
    {
        Assert.Contains(PasswordPolicy.CommonMessage, PasswordPolicy.Check(password, Email));
    }

    [Theory]
    [InlineData("sam.shopper@example.com")]
    [InlineData("SAM.SHOPPER@EXAMPLE.COM")]
    [InlineData("sam.shopper")]
    [InlineData("Sam-Shopper2024!")]
    [InlineData("samshopper@example.com")]
    [InlineData("1sam.shopper1")]
    public void PasswordFromTheEmailAddress_IsRefused(string password)
    {
        Assert.Equal([PasswordPolicy.EmailMessage], PasswordPolicy.Check(password, Email));
    }

    [Theory]
    [InlineData("abcdefghijk")]
    [InlineData("9876543210")]
    [InlineData("ZYXWVUTSRQ")]
    public void Sequence_IsRefused(string password)
    {
        Assert.Contains(PasswordPolicy.SequenceMessage, PasswordPolicy.Check(password, Email));
    }

    [Theory]
    [InlineData("avnera2026!")]
    [InlineData("!!Avnera!!")]
    public void TheSitesName_IsRefused(string password)
    {
        Assert.Contains(PasswordPolicy.ServiceMessage, PasswordPolicy.Check(password, Email));
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("Avnera-demo-2026")]
    [InlineData("a long enough password")]
    [InlineData("sam shops on tuesdays")]
    [InlineData("tr0ub4dor&3-lamp")]
    public void UncommonPassword_IsAccepted(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, Email));
    }

    [Fact]
    public void List_IsLoadedOnce_AndChecksAreFast()
    {
        Assert.True(PasswordPolicy.CommonCount > 40_000, $"only {PasswordPolicy.CommonCount} common passwords loaded");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++) PasswordPolicy.Check("a fairly long passphrase " + i, Email);
        // A set look-up per check, not a scan of the list (a scan would take seconds here).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"20,000 checks took {watch.Elapsed}");
    }
}
