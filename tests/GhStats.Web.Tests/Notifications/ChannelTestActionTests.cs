using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Tests;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Notifications;

/// <summary>
/// "Send a test" in a host that added notifications (the real package, with private addresses allowed so a loopback
/// receiver can stand in for the owner's endpoint): the receiver gets a message signed with the secret shown at
/// creation, the answer is the attempt's delivery log line, and the attempt is audited with its outcome.
/// </summary>
public sealed class ChannelTestActionTests : IAsyncLifetime
{
    private LoopbackReceiver _receiver = null!;
    private WebApp _app = null!;
    private WebCaller _owner = null!;

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            AddCollector = false,
            Settings = new Dictionary<string, string?> { ["GhStats:Notifications:AllowPrivateAddresses"] = "true" },
            ConfigureGhStats = ghStats => ghStats.AddNotifications(),
        });
        var tenant = await _app.CreateTenantAsync("tested", "Tested");
        var owner = await _app.CreateUserAsync("owner@tested.example");
        await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        _owner = _app.As(owner);
    }

    [Fact]
    public async Task ATest_ReachesTheReceiver_SignedWithTheSecretShownOnce()
    {
        var created = await _owner.PostJsonExpectingAsync("api/v1/tenants/tested/channels",
            new { name = "receiver <b>", kind = "webhook", topics = new[] { "spike" }, url = new Uri(_receiver.Address, "hook?k=1").ToString() }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var secret = created.GetProperty("signingSecret").GetString()!;

        var line = await _owner.PostJsonExpectingAsync($"api/v1/tenants/tested/channels/{id}/test", new { }, HttpStatusCode.OK);

        line.GetProperty("succeeded").GetBoolean().ShouldBeTrue(line.ToString());
        line.GetProperty("event").GetString().ShouldBe(NotificationEventKinds.Test);
        line.GetProperty("channelId").GetInt64().ShouldBe(id);
        line.GetProperty("channelName").GetString().ShouldBe("receiver <b>");
        line.GetProperty("attempt").GetInt32().ShouldBe(1);
        var request = _receiver.Received.ShouldHaveSingleItem();
        request.Path.ShouldBe("/hook");
        var timestamp = request.Header("GhStats-Timestamp").ShouldNotBeNull();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + request.Text)));
        request.Header("GhStats-Signature").ShouldBe("v1=" + expected);
        var body = JsonDocument.Parse(request.Text).RootElement;
        body.GetProperty("type").GetString().ShouldBe(NotificationEventKinds.Test);
        body.GetProperty("id").GetString().ShouldBe(line.GetProperty("eventId").GetString());

        var log = await _owner.GetJsonAsync($"api/v1/tenants/tested/channels/{id}/deliveries");
        log.GetProperty("deliveries").EnumerateArray().Single().GetProperty("id").GetInt64().ShouldBe(line.GetProperty("id").GetInt64());
        var audit = (await _owner.GetJsonAsync($"api/v1/tenants/tested/audit?action={AuditActions.ChannelTested}")).GetProperty("entries").EnumerateArray().Single();
        audit.GetProperty("targetName").GetString().ShouldBe("receiver <b>");
        audit.GetProperty("details").GetString().ShouldStartWith("succeeded=true outcome=");
        audit.ToString().ShouldNotContain(secret);
    }

    [Fact]
    public async Task AReceiverThatRefuses_IsReportedAsNotDelivered()
    {
        _receiver.Answer = _ => Task.FromResult(new ReceiverAnswer(503, "down for maintenance"));
        var created = await _owner.PostJsonExpectingAsync("api/v1/tenants/tested/channels",
            new { name = "refuser", kind = "webhook", topics = new[] { "digest" }, url = new Uri(_receiver.Address, "down").ToString() }, HttpStatusCode.Created);

        var line = await _owner.PostJsonExpectingAsync($"api/v1/tenants/tested/channels/{created.GetProperty("id").GetInt64()}/test", new { }, HttpStatusCode.OK);

        line.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        line.GetProperty("outcome").GetString()!.ShouldContain("503");
        _receiver.Received.Count.ShouldBe(1);
        var audit = (await _owner.GetJsonAsync($"api/v1/tenants/tested/audit?action={AuditActions.ChannelTested}")).GetProperty("entries").EnumerateArray().Single();
        audit.GetProperty("details").GetString()!.ShouldStartWith("succeeded=false outcome=", Case.Sensitive);
        audit.GetProperty("targetId").GetString().ShouldBe(created.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}
