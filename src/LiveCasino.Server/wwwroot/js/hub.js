// Hub connections with the official @microsoft/signalr browser client (loaded by each page as
// /lib/signalr/signalr.min.js, which defines the global `signalR`). The access token goes in the
// query string of hub requests (browsers cannot set headers on a WebSocket) and is refreshed when
// it is about to expire, so a reconnect after a long session still authenticates.

const signalR = globalThis.signalR;

/** Reconnect delays (ms): fast at first, then every 10 s for good. */
const RETRY_MS = [0, 1_000, 2_000, 5_000, 10_000];

/**
 * A started connection to <path> ("/hubs/player" or "/hubs/dealer") as <session>. <onState> hears
 * "connected", "reconnecting", "reconnected" and "closed" (with the error, if any).
 */
export async function connect(path, session, onState = () => {}) {
    if (!signalR) throw new Error("the SignalR client (/lib/signalr/signalr.min.js) did not load: run scripts/web.sh and rebuild");
    const connection = new signalR.HubConnectionBuilder()
        .withUrl(path, {
            accessTokenFactory: async () => (await session.accessToken()) ?? "",
            transport: signalR.HttpTransportType.WebSockets,
            skipNegotiation: true,
        })
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => RETRY_MS[Math.min(ctx.previousRetryCount, RETRY_MS.length - 1)] })
        .configureLogging(signalR.LogLevel.Warning)
        .build();
    connection.onreconnecting((e) => onState("reconnecting", e));
    connection.onreconnected(() => onState("reconnected"));
    connection.onclose((e) => onState("closed", e));
    // The server closes a connection whose session ended; tell the page why before onclose.
    connection.on("sessionEnded", (e) => onState("sessionEnded", e));
    await connection.start();
    onState("connected");
    return connection;
}
