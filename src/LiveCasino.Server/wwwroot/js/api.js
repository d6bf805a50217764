// REST client of the node (/api, see /openapi/v1.json): token storage, refresh on expiry, errors as
// ProblemDetails text. Two kinds of session live side by side in one browser: a player's (kept in
// localStorage, shared by every tab) and a dealer console's (sessionStorage: one console per tab).

const REFRESH_MARGIN_MS = 30_000;

/** A failed call: status and the server's ProblemDetails detail (or title). */
export class ApiError extends Error {
    constructor(status, message, problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }
}

/** Tokens of one session, in one Web Storage area under one key. */
export class Session {
    constructor(storage, key) {
        this.storage = storage;
        this.key = key;
        this.refreshing = null;
    }

    get value() {
        try {
            return JSON.parse(this.storage.getItem(this.key) ?? "null");
        } catch {
            return null;
        }
    }

    get signedIn() { return this.value !== null; }

    get name() { return this.value?.name ?? null; }

    save(tokens, name) {
        this.storage.setItem(this.key, JSON.stringify({
            name,
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
            expiresAt: Date.now() + tokens.expiresIn * 1000,
        }));
    }

    clear() { this.storage.removeItem(this.key); }

    /** A valid access token, refreshed first when it is about to expire; null when signed out. */
    async accessToken() {
        const v = this.value;
        if (!v) return null;
        if (v.expiresAt - REFRESH_MARGIN_MS > Date.now()) return v.accessToken;
        return this.refresh();
    }

    /** Spends the refresh token (each works once); one refresh at a time per page. */
    async refresh() {
        const v = this.value;
        if (!v) return null;
        this.refreshing ??= (async () => {
            try {
                const res = await fetch("/api/accounts/refresh", {
                    method: "POST",
                    headers: { "Content-Type": "application/json" },
                    body: JSON.stringify({ refreshToken: v.refreshToken }),
                });
                if (!res.ok) {
                    this.clear();
                    return null;
                }
                const tokens = await res.json();
                this.save(tokens, v.name);
                return tokens.accessToken;
            } finally {
                this.refreshing = null;
            }
        })();
        return this.refreshing;
    }
}

export const player = new Session(localStorage, "livecasino.player");
export const console_ = new Session(sessionStorage, "livecasino.console");

async function problemOf(res) {
    const text = await res.text();
    try {
        const p = JSON.parse(text);
        return new ApiError(res.status, p.detail || p.title || `${res.status} ${res.statusText}`, p);
    } catch {
        return new ApiError(res.status, text || `${res.status} ${res.statusText}`, null);
    }
}

/**
 * Calls the API as <session> (or anonymously with null). A 401 refreshes the token once and tries
 * again; a second 401 signs the session out. Answers the parsed JSON, or null for 204.
 */
export async function call(session, method, path, body) {
    for (let attempt = 0; attempt < 2; attempt++) {
        const headers = {};
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const token = session ? await session.accessToken() : null;
        if (token) headers.Authorization = `Bearer ${token}`;
        const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        if (res.status === 401 && session && token && attempt === 0) {
            if (await session.refresh()) continue;
        }
        if (!res.ok) {
            if (res.status === 401 && session) session.clear();
            throw await problemOf(res);
        }
        if (res.status === 204) return null;
        const type = res.headers.get("Content-Type") ?? "";
        return type.includes("json") ? res.json() : res.text();
    }
    throw new ApiError(401, "signed out", null);
}

// ---- accounts ----

export async function register(username, password) {
    await call(null, "POST", "/api/accounts/register", { username, password });
    return login(username, password);
}

export async function login(username, password) {
    const tokens = await call(null, "POST", "/api/accounts/login", { username, password });
    player.save(tokens, username);
    return tokens;
}

export async function logout() {
    try {
        if (player.signedIn) await call(player, "POST", "/api/accounts/logout");
    } finally {
        player.clear();
    }
}

export const me = () => call(player, "GET", "/api/accounts/me");

export async function consoleLogin(consoleId, apiKey) {
    const tokens = await call(null, "POST", "/api/consoles/login", { consoleId, apiKey });
    console_.save(tokens, consoleId);
    return tokens;
}

// ---- wallet ----

export const balance = () => call(player, "GET", "/api/wallet");

export function transactions(pageSize = 20, before = null) {
    const q = new URLSearchParams({ pageSize: String(pageSize) });
    if (before !== null) q.set("before", String(before));
    return call(player, "GET", `/api/wallet/transactions?${q}`);
}

export const deposit = (operationId, amountMinor, currency, channel) =>
    call(player, "POST", "/api/wallet/deposits", { operationId, amountMinor, currency, channel });

export const withdraw = (operationId, amountMinor, currency, channel) =>
    call(player, "POST", "/api/wallet/withdrawals", { operationId, amountMinor, currency, channel });

export const payment = (operationId) => call(player, "GET", `/api/wallet/payments/${encodeURIComponent(operationId)}`);

/** A client-made id for idempotent calls (bets, payments): letters, digits and '-'. */
export function newId(prefix) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return prefix + "-" + Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}
