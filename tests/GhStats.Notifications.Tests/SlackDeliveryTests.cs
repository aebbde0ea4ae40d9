using System.Text.Json.Nodes;
using GhStats.Domain;
using GhStats.Notifications.Rendering;
using GhStats.Storage.Conformance.Databases;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>Slack: Block Kit posted to the channel's incoming webhook URL (a loopback receiver), text escaped.</summary>
public sealed class SlackDeliveryTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Slack_GetsBlockKit_WithEveryTextEscaped_AndFiguresAsFields()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddSlackAsync(tenant.Id, new Uri(_receiver.Address, "services/T000/B000/XXXX"));
        var document = new NotificationDocument(
            "Spike on acme/<site> & co",
            "<!channel> views & clones > normal <https://evil.example|click>",
            [new NotificationSection("Repositories <b>", [
                new NotificationLine("acme/site <b>", "1,204 views", new Uri("https://github.com/acme/site?a=1&b=2")),
                new NotificationLine("plain line & <tag>"),
            ])],
            new Uri("https://stats.example.com/repos/12"));
        await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind, SampleDocumentRenderer.Payload(document), channel.Id);

        await harness.DeliverDueAsync();

        var request = _receiver.Received.ShouldHaveSingleItem();
        request.Path.ShouldBe("/services/T000/B000/XXXX");
        request.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        var message = JsonNode.Parse(request.Body)!.AsObject();
        message["text"]!.GetValue<string>().ShouldBe("Spike on acme/&lt;site&gt; &amp; co");
        var blocks = message["blocks"]!.AsArray();
        blocks.Select(b => b!["type"]!.GetValue<string>()).ShouldBe(["header", "section", "section", "context"]);
        var header = blocks[0]!["text"]!;
        (header["type"]!.GetValue<string>(), header["text"]!.GetValue<string>(), header["emoji"]!.GetValue<bool>()).ShouldBe(("plain_text", "Spike on acme/<site> & co", false));
        blocks[1]!["text"]!["type"]!.GetValue<string>().ShouldBe("mrkdwn");
        blocks[1]!["text"]!["text"]!.GetValue<string>().ShouldBe("&lt;!channel&gt; views &amp; clones &gt; normal &lt;https://evil.example|click&gt;");
        blocks[2]!["text"]!["text"]!.GetValue<string>().ShouldBe("*Repositories &lt;b&gt;*\n• plain line &amp; &lt;tag&gt;");
        var field = blocks[2]!["fields"]!.AsArray().ShouldHaveSingleItem()!;
        field["type"]!.GetValue<string>().ShouldBe("mrkdwn");
        field["text"]!.GetValue<string>().ShouldBe("*<https://github.com/acme/site?a=1&amp;b=2|acme/site &lt;b&gt;>*\n1,204 views");
        blocks[3]!["elements"]![0]!["text"]!.GetValue<string>().ShouldBe(
            "GhStats · Acme &amp; &lt;Friends&gt; · <https://stats.example.com/repos/12|Open in GhStats>");
        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.Outcome).ShouldBe((true, "HTTP 200: ok"));
    }

    [Fact]
    public async Task Slack_WithManyFigures_SplitsThemTenFieldsABlock()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddSlackAsync(tenant.Id, _receiver.Address);
        var lines = Enumerable.Range(1, 23).Select(i => new NotificationLine($"repo {i}", $"{i} views")).ToList();
        await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind,
            SampleDocumentRenderer.Payload(new NotificationDocument("Digest", "", [new NotificationSection("Top", lines)], null)), channel.Id);

        await harness.DeliverDueAsync();

        var blocks = JsonNode.Parse(_receiver.Received.ShouldHaveSingleItem().Body)!["blocks"]!.AsArray();
        blocks.Select(b => b!["fields"]?.AsArray().Count ?? 0).ShouldBe([0, 10, 10, 3, 0]);
        blocks[^1]!["elements"]![0]!["text"]!.GetValue<string>().ShouldBe("GhStats · Acme &amp; &lt;Friends&gt;", "no link without one");
    }

    [Fact]
    public async Task Slack_EventOfAnUnknownKind_IsAFailedAttemptSayingSo_AndTheNextEventStillGoes()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddSlackAsync(tenant.Id, _receiver.Address);
        await harness.RaiseAsync(tenant.Id, "made.up", "{}", channel.Id);
        await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind,
            SampleDocumentRenderer.Payload(new NotificationDocument("Fine", "still here", [], null)), channel.Id);

        await harness.DeliverDueAsync();

        _receiver.Received.ShouldHaveSingleItem();
        var lines = await harness.DeliveriesAsync(tenant.Id);
        lines.Select(l => (l.Kind, l.Succeeded)).ShouldBe([("made.up", false), (SampleDocumentRenderer.SampleKind, true)]);
        lines[0].Outcome.ShouldBe("No renderer for event kind 'made.up' in this process (a newer GhStats version may have raised it); it cannot be sent to slack.");
    }

    [Fact]
    public async Task Slack_AnswerOtherThanOk_IsKeptShortInTheLog()
    {
        await using var harness = new NotificationHarness(database);
        _receiver.Script(new ReceiverAnswer(404, "channel_not_found " + new string('x', 5000)));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddSlackAsync(tenant.Id, _receiver.Address);
        await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind,
            SampleDocumentRenderer.Payload(new NotificationDocument("t", "s", [], null)), channel.Id);

        await harness.DeliverDueAsync();

        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.WillRetry).ShouldBe((false, false));
        line.Outcome.ShouldStartWith("HTTP 404: channel_not_found xxx");
        line.Outcome.Length.ShouldBeLessThan(140);
    }
}
