namespace Vermilion.Kernel.Errors;

/// <summary>Collects field-level validation failures; empty means valid.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> All =>
        _errors.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value));
}
