namespace LiveCasino.Server.Security;

/// <summary>Endpoint metadata: the largest request body this endpoint accepts (else <see cref="Options.HttpEdgeOptions.RequestBodyBytesMax"/>).</summary>
public sealed record BodyLimit(int BytesMax);
