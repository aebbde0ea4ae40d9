using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GhStats.Testing.GitHub;

/// <summary>GitHub's JSON shapes (snake_case, UTC timestamps ending in Z), written straight to bytes.</summary>
internal static class GitHubJson
{
    // GitHub sends markup in strings as is; consumers must escape it themselves, so the simulator does not help them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Error(string message, string documentationUrl, int status) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteString("documentation_url", documentationUrl);
        w.WriteString("status", status.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
    });

    public static byte[] Traffic(string arrayName, SimulatedTraffic totals, IEnumerable<SimulatedTraffic> entries, bool clones) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("count", clones ? totals.Clones : totals.Views);
        w.WriteNumber("uniques", clones ? totals.UniqueClones : totals.UniqueViews);
        w.WriteStartArray(arrayName);
        foreach (var entry in entries)
        {
            var count = clones ? entry.Clones : entry.Views;

            // GitHub leaves days (and weeks) without traffic out of the array.
            if (count == 0)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("timestamp", Timestamp(entry.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            w.WriteNumber("count", count);
            w.WriteNumber("uniques", clones ? entry.UniqueClones : entry.UniqueViews);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Referrers(IReadOnlyList<SimulatedReferrer> referrers) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var referrer in referrers)
        {
            w.WriteStartObject();
            w.WriteString("referrer", referrer.Referrer);
            w.WriteNumber("count", referrer.Count);
            w.WriteNumber("uniques", referrer.Uniques);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Paths(IReadOnlyList<SimulatedPath> paths) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var path in paths)
        {
            w.WriteStartObject();
            w.WriteString("path", path.Path);
            w.WriteString("title", path.Title);
            w.WriteNumber("count", path.Count);
            w.WriteNumber("uniques", path.Uniques);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Repository(SimulatedRepository repository, SimulatedOwner owner, string origin, bool canPush) =>
        Write(w => WriteRepository(w, repository, owner, origin, canPush, full: true));

    public static byte[] Releases(IEnumerable<SimulatedRelease> releases, SimulatedRepository repository, DateTimeOffset now, string origin) => Write(w =>
    {
        var api = $"{origin}/api/v3/repos/{repository.FullName}/releases";
        w.WriteStartArray();
        foreach (var release in releases)
        {
            w.WriteStartObject();
            w.WriteString("url", $"{api}/{release.Id}");
            w.WriteString("html_url", $"{origin}/{repository.FullName}/releases/tag/{release.Tag}");
            w.WriteString("assets_url", $"{api}/{release.Id}/assets");
            w.WriteString("upload_url", $"{origin}/api/uploads/repos/{repository.FullName}/releases/{release.Id}/assets{{?name,label}}");
            w.WriteString("tarball_url", $"{origin}/api/v3/repos/{repository.FullName}/tarball/{release.Tag}");
            w.WriteString("zipball_url", $"{origin}/api/v3/repos/{repository.FullName}/zipball/{release.Tag}");
            w.WriteNumber("id", release.Id);
            w.WriteString("node_id", "RE_sim" + release.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteString("tag_name", release.Tag);
            w.WriteString("target_commitish", repository.DefaultBranch);
            w.WriteString("name", release.Name);
            w.WriteString("body", string.Empty);
            w.WriteBoolean("draft", release.Draft);
            w.WriteBoolean("prerelease", release.Prerelease);
            w.WriteString("created_at", Timestamp(release.CreatedAt.UtcDateTime));
            if (release.Draft)
            {
                w.WriteNull("published_at");
            }
            else
            {
                w.WriteString("published_at", Timestamp(release.PublishedAt.UtcDateTime));
            }

            w.WriteStartArray("assets");
            foreach (var asset in release.Assets)
            {
                w.WriteStartObject();
                w.WriteString("url", $"{api}/assets/{asset.Id}");
                w.WriteNumber("id", asset.Id);
                w.WriteString("node_id", "RA_sim" + asset.Id.ToString(CultureInfo.InvariantCulture));
                w.WriteString("name", asset.Name);
                w.WriteNull("label");
                w.WriteString("content_type", asset.Name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/gzip");
                w.WriteString("state", "uploaded");
                w.WriteNumber("size", asset.Size);
                w.WriteNumber("download_count", asset.DownloadCountAt(now));
                w.WriteString("created_at", Timestamp(asset.CreatedAt.UtcDateTime));
                w.WriteString("updated_at", Timestamp(asset.CreatedAt.UtcDateTime));
                w.WriteString("browser_download_url", $"{origin}/{repository.FullName}/releases/download/{release.Tag}/{asset.Name}");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Repositories(IEnumerable<SimulatedRepository> repositories, SimulatedOwner owner, string origin, Func<SimulatedRepository, bool> canPush) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var repository in repositories)
        {
            WriteRepository(w, repository, owner, origin, canPush(repository), full: false);
        }

        w.WriteEndArray();
    });

    public static byte[] User(string login, long id, string origin) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", "U_sim" + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("avatar_url", origin + "/avatars/u/" + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", origin + "/api/v3/users/" + login);
        w.WriteString("html_url", origin + "/" + login);
        w.WriteString("type", "User");
        w.WriteBoolean("site_admin", false);
        w.WriteNull("name");
        w.WriteNull("email");
        w.WriteNumber("public_repos", 0);
        w.WriteNumber("followers", 0);
        w.WriteNumber("following", 0);
        w.WriteString("created_at", "2020-01-01T00:00:00Z");
        w.WriteString("updated_at", "2020-01-01T00:00:00Z");
        w.WriteEndObject();
    });

    public static byte[] Stargazers(IEnumerable<SimulatedStargazer> stargazers, string origin, bool withDates) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var stargazer in stargazers)
        {
            if (withDates)
            {
                w.WriteStartObject();
                w.WriteString("starred_at", Timestamp(stargazer.StarredAt.UtcDateTime));
                w.WritePropertyName("user");
            }

            WriteUserSummary(w, stargazer.Login, stargazer.UserId, origin);
            if (withDates)
            {
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    });

    public static byte[] App(RegisteredApp app, string origin) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("id", app.AppId);
        w.WriteString("slug", app.Slug);
        w.WriteString("node_id", "A_sim" + app.AppId.ToString(CultureInfo.InvariantCulture));
        w.WriteStartObject("owner");
        w.WriteString("login", "sim-app-owner");
        w.WriteNumber("id", 1);
        w.WriteString("type", "Organization");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
        w.WriteString("name", "GhStats simulator app " + app.AppId.ToString(CultureInfo.InvariantCulture));
        w.WriteNull("description");
        w.WriteString("external_url", origin);
        w.WriteString("html_url", origin + "/apps/" + app.Slug);
        w.WriteString("created_at", "2020-01-01T00:00:00Z");
        w.WriteString("updated_at", "2020-01-01T00:00:00Z");
        w.WriteStartObject("permissions");
        w.WriteString("administration", "read");
        w.WriteString("metadata", "read");
        w.WriteEndObject();
        w.WriteStartArray("events");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] InstallationToken(string token, DateTimeOffset expiresAt) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("expires_at", Timestamp(expiresAt.UtcDateTime));
        w.WriteStartObject("permissions");
        w.WriteString("administration", "read");
        w.WriteString("metadata", "read");
        w.WriteEndObject();
        w.WriteString("repository_selection", "all");
        w.WriteEndObject();
    });

    public static byte[] RateLimit(RateDecision core) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("resources");
        WriteRate(w, "core", core);
        WriteRate(w, "search", new RateDecision(RateOutcome.Admitted, 30, 30, 0, core.ResetEpochSeconds));
        WriteRate(w, "graphql", new RateDecision(RateOutcome.Admitted, core.Limit, core.Limit, 0, core.ResetEpochSeconds));
        w.WriteEndObject();
        WriteRate(w, "rate", core);
        w.WriteEndObject();
    });

    private static void WriteUserSummary(Utf8JsonWriter w, string login, long id, string origin)
    {
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", "U_sim" + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("avatar_url", origin + "/avatars/u/" + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", origin + "/api/v3/users/" + login);
        w.WriteString("html_url", origin + "/" + login);
        w.WriteString("type", "User");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter w, string name, RateDecision rate)
    {
        w.WriteStartObject(name);
        w.WriteNumber("limit", rate.Limit);
        w.WriteNumber("used", rate.Used);
        w.WriteNumber("remaining", rate.Remaining);
        w.WriteNumber("reset", rate.ResetEpochSeconds);
        w.WriteEndObject();
    }

    private static void WriteRepository(Utf8JsonWriter w, SimulatedRepository r, SimulatedOwner owner, string origin, bool canPush, bool full)
    {
        var api = origin + "/api/v3/repos/" + r.FullName;
        var html = origin + "/" + r.FullName;
        var host = origin[(origin.IndexOf("//", StringComparison.Ordinal) + 2)..];
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("node_id", r.NodeId);
        w.WriteString("name", r.Name);
        w.WriteString("full_name", r.FullName);
        w.WriteBoolean("private", r.Private);
        w.WriteStartObject("owner");
        w.WriteString("login", owner.Login);
        w.WriteNumber("id", owner.Id);
        w.WriteString("node_id", (owner.Type == SimulatedOwnerType.User ? "U_sim" : "O_sim") + owner.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("avatar_url", origin + "/avatars/u/" + owner.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", origin + "/api/v3/users/" + owner.Login);
        w.WriteString("html_url", origin + "/" + owner.Login);
        w.WriteString("type", owner.Type == SimulatedOwnerType.User ? "User" : "Organization");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
        w.WriteString("html_url", html);
        WriteNullableString(w, "description", r.Description);
        w.WriteBoolean("fork", r.Fork);
        w.WriteString("url", api);
        w.WriteString("git_url", "git://" + host + "/" + r.FullName + ".git");
        w.WriteString("ssh_url", "git@" + host + ":" + r.FullName + ".git");
        w.WriteString("clone_url", html + ".git");
        w.WriteString("svn_url", html);
        w.WriteNull("homepage");
        w.WriteNull("mirror_url");
        w.WriteString("created_at", Timestamp(r.CreatedAt.UtcDateTime));
        w.WriteString("updated_at", Timestamp(r.PushedAt.UtcDateTime));
        w.WriteString("pushed_at", Timestamp(r.PushedAt.UtcDateTime));
        w.WriteNumber("size", r.SizeKb);
        w.WriteNumber("stargazers_count", r.Stars);
        w.WriteNumber("watchers_count", r.Stars);
        w.WriteString("language", "C#");
        w.WriteBoolean("has_issues", true);
        w.WriteBoolean("has_projects", true);
        w.WriteBoolean("has_downloads", true);
        w.WriteBoolean("has_wiki", true);
        w.WriteBoolean("has_pages", false);
        w.WriteBoolean("has_discussions", false);
        w.WriteNumber("forks_count", r.Forks);
        w.WriteBoolean("archived", r.Archived);
        w.WriteBoolean("disabled", false);
        w.WriteNumber("open_issues_count", r.OpenIssues);
        w.WriteNull("license");
        w.WriteBoolean("allow_forking", true);
        w.WriteBoolean("is_template", false);
        w.WriteStartArray("topics");
        w.WriteEndArray();
        w.WriteString("visibility", r.Private ? "private" : "public");
        w.WriteNumber("forks", r.Forks);
        w.WriteNumber("open_issues", r.OpenIssues);
        w.WriteNumber("watchers", r.Stars);
        w.WriteString("default_branch", r.DefaultBranch);
        w.WriteStartObject("permissions");
        w.WriteBoolean("admin", canPush);
        w.WriteBoolean("maintain", canPush);
        w.WriteBoolean("push", canPush);
        w.WriteBoolean("triage", canPush);
        w.WriteBoolean("pull", true);
        w.WriteEndObject();
        if (full)
        {
            // Only the single-repository answer carries these, as on GitHub.
            w.WriteNumber("network_count", r.Forks);
            w.WriteNumber("subscribers_count", r.Watchers);
        }

        w.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
