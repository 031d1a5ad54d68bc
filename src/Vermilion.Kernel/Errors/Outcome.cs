namespace Vermilion.Kernel.Errors;

/// <summary>What went wrong with a use case, in terms the HTTP layer and the UI both understand.</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    Unauthorized,
    Locked,
}

public sealed record Failure(FailureKind Kind, string Message, FieldErrors? Fields = null)
{
    public static Failure Invalid(FieldErrors fields, string message) => new(FailureKind.Invalid, message, fields);

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, message, new FieldErrors().Add(field, message));
}

/// <summary>The result of a use case: a value, or a failure that says why. Exceptions stay for the unexpected.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
