using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;

namespace Vermilion.Community.Notes;

/// <summary>The rules every note's text and place must meet, shared by creating and editing.</summary>
internal static class NoteValidation
{
    public static readonly TimeSpan LongestSchedule = TimeSpan.FromDays(14);

    public static void CheckText(string title, string body, FieldErrors errors, IStringLocalizer text)
    {
        if (NoteText.Length(title) > Note.TitleMax)
        {
            errors.Add("title", text["community.note.title_too_long", Note.TitleMax]);
        }

        if (NoteText.Length(body) > Note.BodyMax)
        {
            errors.Add("body", text["community.note.body_too_long", Note.BodyMax]);
        }
    }

    public static void CheckPlace(string? city, string? place, double? latitude, double? longitude, FieldErrors errors, IStringLocalizer text)
    {
        if (NoteText.Length(city ?? "") > 40)
        {
            errors.Add("city", text["community.note.city_too_long", 40]);
        }

        if (NoteText.Length(place ?? "") > 60)
        {
            errors.Add("place", text["community.note.place_too_long", 60]);
        }

        if (latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            errors.Add("latitude", text["community.note.coordinates"]);
        }

        if (longitude is { } lng && (double.IsNaN(lng) || lng is < -180 or > 180))
        {
            errors.Add("longitude", text["community.note.coordinates"]);
        }

        if (latitude.HasValue != longitude.HasValue)
        {
            errors.Add("latitude", text["community.note.coordinates"]);
        }
    }

    public static void CheckSchedule(DateTimeOffset? publishAt, DateTimeOffset now, FieldErrors errors, IStringLocalizer text)
    {
        if (publishAt is { } at && (at < now.AddMinutes(-1) || at > now + LongestSchedule))
        {
            errors.Add("publishAt", text["community.note.schedule", LongestSchedule.Days]);
        }
    }
}
