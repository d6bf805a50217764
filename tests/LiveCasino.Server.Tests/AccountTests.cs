using System.Net;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>Register, login, refresh with rotation, logout and password change over the real node.</summary>
public sealed class AccountTests : IDisposable
{
    private readonly ServerFactory _server = new(new Dictionary<string, string?> { ["LiveCasino:Security:SessionsPerAccountMax"] = "2" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Register_login_me_then_logout_and_the_token_is_refused()
    {
        var client = _server.CreateClient();
        var accountId = await client.RegisterAsync("Alice");
        var tokens = await client.LoginAsync("alice");
        Assert.Equal(15 * 60, tokens.ExpiresIn);

        var me = await (await client.GetAsync("/api/accounts/me", tokens.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((accountId, "alice", "player"), ((string)me["accountId"]!, (string)me["username"]!, (string)me["role"]!));

        await (await client.SendAsync(HttpMethod.Post, "/api/accounts/logout", tokens.Access)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/accounts/me", tokens.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "session has ended");
        await (await client.GetAsync("/api/wallet", tokens.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.RefreshAsync(tokens.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "session has ended");
    }

    [Fact]
    public async Task A_name_is_taken_whatever_its_case_and_a_wrong_password_is_refused()
    {
        var client = _server.CreateClient();
        await client.RegisterAsync("Bob");
        await (await client.PostJsonAsync("/api/accounts/register", new { username = "bob", password = Rest.Password })).ExpectProblemAsync(HttpStatusCode.Conflict, "taken");
        await (await client.PostJsonAsync("/api/accounts/login", new { username = "bob", password = "wrong password!" })).ExpectProblemAsync(HttpStatusCode.Unauthorized, "wrong username or password");
        await (await client.PostJsonAsync("/api/accounts/login", new { username = "nobody", password = Rest.Password })).ExpectProblemAsync(HttpStatusCode.Unauthorized, "wrong username or password");
    }

    [Theory]
    [InlineData("ab", "long enough password", "username")]
    [InlineData("has space", "long enough password", "username")]
    [InlineData("carol", "short", "password must be")]
    [InlineData("carol", "carol-is-my-password", "must not contain the username")]
    public async Task A_bad_username_or_password_is_refused_and_nothing_is_created(string username, string password, string problem)
    {
        var client = _server.CreateClient();
        await (await client.PostJsonAsync("/api/accounts/register", new { username, password })).ExpectProblemAsync(HttpStatusCode.BadRequest, problem);
        await (await client.PostJsonAsync("/api/accounts/login", new { username, password })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_revokes_the_whole_session()
    {
        var client = _server.CreateClient();
        var first = await client.RegisterAndLoginAsync("dave");
        var second = Tokens.From(await (await client.RefreshAsync(first.Refresh)).ExpectAsync(HttpStatusCode.OK));
        Assert.NotEqual(first.Refresh, second.Refresh);
        await (await client.GetAsync("/api/accounts/me", second.Access)).ExpectAsync(HttpStatusCode.OK);

        // The spent token comes back (a thief's copy, or a replay): the session is revoked for both holders.
        await (await client.RefreshAsync(first.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "already used");
        await (await client.RefreshAsync(second.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/accounts/me", second.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "session has ended");

        // Logging in again works: only that session was revoked.
        var again = await client.LoginAsync("dave");
        await (await client.GetAsync("/api/accounts/me", again.Access)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_forged_or_garbled_refresh_token_is_refused()
    {
        var client = _server.CreateClient();
        var tokens = await client.RegisterAndLoginAsync("erin");
        await (await client.RefreshAsync("not-a-token")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
        await (await client.RefreshAsync(tokens.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized); // an access token is not a refresh token
        await (await client.RefreshAsync(tokens.Refresh[..^4] + "AAAA")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/accounts/me", tokens.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized); // nor the other way round
    }

    [Fact]
    public async Task Access_tokens_expire_on_the_clock_and_refresh_tokens_later()
    {
        var client = _server.CreateClient();
        var tokens = await client.RegisterAndLoginAsync("fred");
        _server.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await (await client.GetAsync("/api/accounts/me", tokens.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
        var renewed = Tokens.From(await (await client.RefreshAsync(tokens.Refresh)).ExpectAsync(HttpStatusCode.OK));
        await (await client.GetAsync("/api/accounts/me", renewed.Access)).ExpectAsync(HttpStatusCode.OK);

        _server.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await (await client.RefreshAsync(renewed.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var client = _server.CreateClient();
        var laptop = await client.RegisterAndLoginAsync("gina");
        var phone = await client.LoginAsync("gina");

        var change = new { currentPassword = Rest.Password, newPassword = "a brand new passphrase", endOtherSessions = true };
        await (await client.PostJsonAsync("/api/accounts/password", change, laptop.Access)).ExpectAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/accounts/me", laptop.Access)).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/accounts/me", phone.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "session has ended");
        await (await client.RefreshAsync(phone.Refresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/accounts/login", new { username = "gina", password = Rest.Password })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await client.LoginAsync("gina", "a brand new passphrase");
    }

    [Fact]
    public async Task Changing_the_password_can_keep_the_other_sessions_and_needs_the_current_one()
    {
        var client = _server.CreateClient();
        var laptop = await client.RegisterAndLoginAsync("hank");
        var phone = await client.LoginAsync("hank");

        var wrong = new { currentPassword = "not my password", newPassword = "a brand new passphrase", endOtherSessions = false };
        await (await client.PostJsonAsync("/api/accounts/password", wrong, laptop.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "current password is wrong");
        var weak = new { currentPassword = Rest.Password, newPassword = "short", endOtherSessions = false };
        await (await client.PostJsonAsync("/api/accounts/password", weak, laptop.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "new password");

        var keep = new { currentPassword = Rest.Password, newPassword = "a brand new passphrase", endOtherSessions = false };
        await (await client.PostJsonAsync("/api/accounts/password", keep, laptop.Access)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/accounts/me", phone.Access)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_login_beyond_the_session_limit_ends_the_oldest_session()
    {
        var client = _server.CreateClient();
        var first = await client.RegisterAndLoginAsync("iris");
        _server.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await client.LoginAsync("iris");
        _server.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await client.LoginAsync("iris"); // the limit is 2 in this fixture

        await (await client.GetAsync("/api/accounts/me", first.Access)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var me = await (await client.GetAsync("/api/accounts/me", second.Access)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)me["activeSessions"]!);
        await (await client.GetAsync("/api/accounts/me", third.Access)).ExpectAsync(HttpStatusCode.OK);
    }
}
