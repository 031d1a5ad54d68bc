namespace Vermilion.Kernel.Web;

/// <summary>Names of the rate-limit policies the host defines and modules put on their endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and sign-up, per client address: slows password guessing and mass registration.</summary>
    public const string Auth = "auth";

    /// <summary>Uploads and other writes that cost storage, per person.</summary>
    public const string Writes = "writes";
}
