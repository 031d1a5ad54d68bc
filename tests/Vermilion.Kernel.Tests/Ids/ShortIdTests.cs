using Vermilion.Kernel.Ids;

namespace Vermilion.Kernel.Tests.Ids;

public sealed class ShortIdTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(61L)]
    [InlineData(62L)]
    [InlineData(123_456_789_012_345L)]
    [InlineData(long.MaxValue)]
    public void Encode_ThenDecode_GivesTheId(long id)
    {
        var text = ShortId.Encode(id);

        Assert.True(ShortId.TryDecode(text, out var back));
        Assert.Equal(id, back);
        Assert.True(text.Length <= 11);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc-def")]
    [InlineData("zzzzzzzzzzzz")]
    [InlineData("zzzzzzzzzzz")]
    [InlineData("../etc")]
    public void Decode_Garbage_IsRefused(string? text) => Assert.False(ShortId.TryDecode(text, out _));
}
