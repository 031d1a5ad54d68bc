using System.Globalization;

namespace Vermilion.Kernel.Finance;

/// <summary>An amount in the smallest unit (fen for CNY). Never a floating-point number.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    public const string Cny = "CNY";

    public static Money Fen(long fen) => new(fen, Cny);

    public static Money Zero(string currency = Cny) => new(0, currency);

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), Same(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), Same(a, b));

    public static Money operator -(Money a) => new(-a.Minor, a.Currency);

    public Money Times(int quantity) => new(checked(Minor * quantity), Currency);

    /// <summary>Splits off a rate given in basis points, rounding down so the remainder never goes negative.</summary>
    public Money Share(int basisPoints) => new(Minor * basisPoints / 10_000, Currency);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {Minor / 100}.{Math.Abs(Minor % 100):00}");

    private static string Same(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
}
