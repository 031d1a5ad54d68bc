using Vermilion.Kernel.Finance;

namespace Vermilion.Kernel.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Arithmetic_StaysInFen()
    {
        var price = Money.Fen(1999);

        Assert.Equal(Money.Fen(5997), price.Times(3));
        Assert.Equal(Money.Fen(0), price - price);
        Assert.Equal("CNY 19.99", price.ToString());
    }

    [Fact]
    public void Share_RoundsDownSoTheRemainderIsNeverNegative()
    {
        var total = Money.Fen(999);

        var commission = total.Share(1500);

        Assert.Equal(149, commission.Minor);
        Assert.True((total - commission).Minor >= 0);
    }

    [Fact]
    public void Combining_Currencies_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => Money.Fen(1) + new Money(1, "USD"));

    [Fact]
    public void Overflow_IsRefused() =>
        Assert.Throws<OverflowException>(() => Money.Fen(long.MaxValue).Times(2));
}
