using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Kernel.Errors;

namespace Vermilion.Commerce.Pages;

/// <summary>What every commerce page shares: a use case's failure shown beside the fields it names, and a notice.</summary>
internal abstract class CommercePage : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? FormError { get; set; }

    public string? Notice { get; set; }

    /// <summary>The first message for a field, or for any field under it (items[0].quantity shows at items).</summary>
    public string? ErrorFor(string field) =>
        Errors.TryGetValue(field, out var message) ? message
        : Errors.FirstOrDefault(e => e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)).Value;

    protected void Show(Failure failure, string prefix = "")
    {
        if (failure.Fields is { IsEmpty: false } fields)
        {
            foreach (var (field, messages) in fields.All)
            {
                Errors.TryAdd(prefix + field, messages[0]);
            }
        }
        else
        {
            FormError = failure.Message;
        }
    }
}
