using Vermilion.Kernel.Paging;

namespace Vermilion.Kernel.Tests.Paging;

public sealed class CursorTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheCursor()
    {
        var cursor = new Cursor(-42, long.MaxValue);

        Assert.True(Cursor.TryDecode(cursor.Encode(), out var back));
        Assert.Equal(cursor, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Decode_Garbage_IsRefused(string? text) => Assert.False(Cursor.TryDecode(text, out _));
}
