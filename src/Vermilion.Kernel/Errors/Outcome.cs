namespace Vermilion.Kernel.Errors;

/// <summary>What went wrong with a use case, in terms the HTTP layer and the UI both understand.</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    Unauthorized,
    TooManyRequests,
}

/// <summary>A failure; <see cref="RetryAfter"/> says when a refused caller (too many requests) may try again.</summary>
public sealed record Failure(FailureKind Kind, string Message, FieldErrors? Fields = null)
{
    public TimeSpan? RetryAfter { get; init; }

    public static Failure TooMany(TimeSpan retryAfter, string field, string message) =>
        new(FailureKind.TooManyRequests, message, new FieldErrors().Add(field, message)) { RetryAfter = retryAfter };

    /// <summary>Whole seconds for a <c>Retry-After</c> header: never zero, so a client does not retry at once.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

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
