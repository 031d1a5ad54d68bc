using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vermilion.Kernel.Errors;

namespace Vermilion.Accounts.Pages;

/// <summary>Shows a use case's field errors beside the form fields they belong to.</summary>
internal static class FieldError
{
    public static void AddTo(ModelStateDictionary modelState, Failure failure, string prefix = "")
    {
        if (failure.Fields is { IsEmpty: false } fields)
        {
            foreach (var (field, messages) in fields.All)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(prefix + field, message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, failure.Message);
        }
    }

    public static string? Of(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
