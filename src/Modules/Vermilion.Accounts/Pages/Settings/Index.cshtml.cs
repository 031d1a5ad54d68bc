using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Passwords;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Sessions;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Settings;

/// <summary>Profile, avatar, password and sessions, each its own form so one mistake never loses another's input.</summary>
[Authorize]
[RequestSizeLimit(8 * 1024 * 1024)]
internal sealed class IndexModel(
    ProfileQueries queries,
    UpdateProfileHandler update,
    UploadAvatarHandler upload,
    ChangePasswordHandler changePassword,
    SessionStore sessions,
    IStringLocalizer text) : PageModel
{
    public MeView Me { get; private set; } = null!;

    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<string> Offered => Interests.Offered;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Form = ProfileForm.From(Me);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var request = new UpdateProfileRequest(Form.Nickname ?? "", Form.Bio ?? "", Form.Gender, Form.Birthday, Form.City ?? "",
            Form.Interests, ClearBirthday: Form.Birthday is null);
        var outcome = await update.HandleAsync(User.RequiredUserId(), request, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            FieldError.AddTo(ModelState, outcome.Failure!, "Form.");
            await LoadAsync();
            return Page();
        }

        Notice = text["settings.saved"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAvatarAsync(IFormFile? avatar)
    {
        byte[] content = [];
        if (avatar is { Length: > 0 and <= 5 * 1024 * 1024 })
        {
            await using var stream = avatar.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }
        else if (avatar is { Length: > 0 })
        {
            ModelState.AddModelError("avatar", text["media.toolarge", ImageLimits.Avatar.MaxBytes / 1024 / 1024]);
        }

        if (ModelState.ErrorCount == 0)
        {
            var outcome = await upload.HandleAsync(User.RequiredUserId(), content, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                Notice = text["settings.avatar.saved"];
                return RedirectToPage();
            }

            FieldError.AddTo(ModelState, outcome.Failure!);
        }

        await LoadAsync();
        Form = ProfileForm.From(Me);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword)
    {
        var outcome = await changePassword.HandleAsync(User.RequiredUserId(), User.SessionId(), new ChangePasswordRequest(currentPassword, newPassword), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            FieldError.AddTo(ModelState, outcome.Failure!);
            await LoadAsync();
            Form = ProfileForm.From(Me);
            return Page();
        }

        Notice = text["settings.password.saved", outcome.Value];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await sessions.RevokeAllAsync(User.RequiredUserId(), except: null, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/signin");
    }

    private async Task<bool> LoadAsync()
    {
        var found = User.UserId() is { } id ? await queries.FindAsync(id, HttpContext.RequestAborted) : null;
        if (found is not { } f)
        {
            return false;
        }

        Me = UserViews.ToMe(f.User, f.Profile);
        return true;
    }
}

internal sealed class ProfileForm
{
    public string? Nickname { get; set; }

    public string? Bio { get; set; }

    public string? Gender { get; set; }

    public DateOnly? Birthday { get; set; }

    public string? City { get; set; }

    public List<string> Interests { get; set; } = [];

    public static ProfileForm From(MeView me) => new()
    {
        Nickname = me.Profile.Nickname,
        Bio = me.Profile.Bio,
        Gender = me.Profile.Gender,
        Birthday = me.Birthday,
        City = me.Profile.City,
        Interests = [.. me.Profile.Interests],
    };
}
