using MimeKit;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications;

/// <summary>Checks notification settings at start, all at once. No SMTP host is fine: only email deliveries need one.</summary>
internal sealed class GhStatsNotificationsOptionsValidator : IValidateOptions<GhStatsNotificationsOptions>
{
    private const string Section = "GhStats:Notifications";

    public ValidateOptionsResult Validate(string? name, GhStatsNotificationsOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            failures.Add($"{Section}:PublicBaseUrl '{url}' must be an absolute http(s) address of the app, including its prefix, e.g. https://stats.example.com/.");
        }

        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"{Section}:MaxAttempts is {options.MaxAttempts}; use 1 to 50.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:RetryBaseDelay is {options.RetryBaseDelay}; use 00:00:00 to 01:00:00.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:PollInterval is {options.PollInterval}; use more than 00:00:00, up to 01:00:00.");
        }

        if (options.SendTimeout <= TimeSpan.Zero || options.SendTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:SendTimeout is {options.SendTimeout}; use more than 00:00:00, up to 00:05:00.");
        }

        if (options.ClaimDuration <= options.SendTimeout || options.ClaimDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:ClaimDuration is {options.ClaimDuration}; use more than SendTimeout ({options.SendTimeout}), up to 01:00:00.");
        }

        ValidateSmtp(options.Smtp, failures);
        if (options.Digest.HourUtc is < 0 or > 23)
        {
            failures.Add($"{Section}:Digest:HourUtc is {options.Digest.HourUtc}; use 0 to 23.");
        }

        if (!(options.Spike.Factor > 1.0 && options.Spike.Factor <= 1000))
        {
            failures.Add($"{Section}:Spike:Factor is {options.Spike.Factor}; use more than 1, up to 1000.");
        }

        if (options.Spike.Floor < 0)
        {
            failures.Add($"{Section}:Spike:Floor is {options.Spike.Floor}; use 0 or more.");
        }

        if (options.Spike.BaselineDays is < 1 or > 365)
        {
            failures.Add($"{Section}:Spike:BaselineDays is {options.Spike.BaselineDays}; use 1 to 365.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSmtp(NotificationSmtpOptions smtp, List<string> failures)
    {
        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Smtp:Port is {smtp.Port}; use 1 to 65535.");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"{Section}:Smtp:Security is {smtp.Security}; use StartTls, SslOnConnect or None.");
        }

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(smtp.From))
        {
            failures.Add($"{Section}:Smtp:From is not set; email needs a sender address, e.g. \"GhStats <ghstats@example.com>\".");
        }
        else if (!MailboxAddress.TryParse(smtp.From, out _))
        {
            failures.Add($"{Section}:Smtp:From '{smtp.From}' is not an email address.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName) && smtp.Password is null)
        {
            failures.Add($"{Section}:Smtp:Password is not set for UserName '{smtp.UserName}'.");
        }
    }
}
