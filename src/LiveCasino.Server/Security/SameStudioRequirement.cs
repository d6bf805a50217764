using Microsoft.AspNetCore.Authorization;

namespace LiveCasino.Server.Security;

/// <summary>A console may act only on its own studio's tables: the resource is the studio id of the table.</summary>
public sealed class SameStudioRequirement : IAuthorizationRequirement;
