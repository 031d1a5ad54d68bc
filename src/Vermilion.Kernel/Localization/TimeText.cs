using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Vermilion.Kernel.Localization;

/// <summary>Times as the reference platform shows them: "刚刚", "5 分钟前", "3 天前", then a date.</summary>
public static class TimeText
{
    public static string Relative(this IStringLocalizer text, DateTimeOffset at, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1))
        {
            return text["time.just_now"];
        }

        if (age < TimeSpan.FromHours(1))
        {
            return text["time.minutes", (int)age.TotalMinutes];
        }

        if (age < TimeSpan.FromDays(1))
        {
            return text["time.hours", (int)age.TotalHours];
        }

        if (age < TimeSpan.FromDays(7))
        {
            return text["time.days", (int)age.TotalDays];
        }

        var local = at.ToOffset(TimeSpan.FromHours(8));
        return local.Year == now.ToOffset(TimeSpan.FromHours(8)).Year
            ? local.ToString("MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
