using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Csv;

/// <summary>The reader the CSV export is checked with is strict, so a sloppy export cannot pass.</summary>
public sealed class Rfc4180Tests
{
    [Fact]
    public void QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var records = Rfc4180.Parse("a,\"b,\"\"c\"\"\r\nd\",\r\n\"\",x\r\n");

        records.Count.ShouldBe(2);
        records[0].ShouldBe(["a", "b,\"c\"\r\nd", ""]);
        records[1].ShouldBe(["", "x"]);
    }

    [Theory]
    [InlineData("a,b\nc,d\r\n")]
    [InlineData("a,b\rc\r\n")]
    [InlineData("a,b\"c\r\n")]
    [InlineData("\"a\"b,c\r\n")]
    [InlineData("\"open,c\r\n")]
    public void WhatRfc4180DoesNotAllow_IsRefused(string text) =>
        Should.Throw<FormatException>(() => Rfc4180.Parse(text));
}
