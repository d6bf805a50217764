// What every game page shares: the hub connection and the table feed, the round bar (phase,
// countdown, round id, viewers), the video area, chips and the bet slip, my bets, the balance,
// the result banner and the event log. A game module draws the board, the result and the roads.
//
// game = {
//   board(container, pick)       draws the layout; pick(spot) adds the selected chip to a spot
//   stakes(byspot)               shows pending and placed stakes on the spots
//   snapshot(state)              redraws from a whole state (join, resync)
//   event(name, e, state)        shows one event (cards, wheel result...)
//   stats(stats, state)          redraws statistics (last results, hot/cold, roads)
// }

import * as api from "./api.js";
import { connect } from "./hub.js";
import { TableFeed } from "./table-feed.js";
import { el, money, phaseText, reasonText, time, describeResult } from "./format.js";
import { topbar, requirePlayer } from "./nav.js";
import { showVideo } from "./video.js";

/** Chip values in minor units. */
export const CHIPS = [100, 500, 2_500, 10_000, 50_000];
const LOG_MAX = 200;

export async function startTablePage(game) {
    if (!requirePlayer()) return;
    const tableId = new URLSearchParams(location.search).get("table");
    const header = topbar();
    const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
    const ui = {
        title: $("table-title"), phase: $("phase"), countdown: $("countdown"), round: $("round-id"),
        viewers: $("viewers"), conn: $("connection"), banner: $("banner"), slip: $("bet-slip"),
        place: $("place-bet"), clear: $("clear-bet"), myBets: $("my-bets"), log: $("event-log"),
        chips: $("chips"), error: $("bet-error"), video: $("video"), sync: $("video-sync"),
    };
    if (!tableId) {
        ui.title.textContent = "No table chosen: open one from the lobby.";
        return;
    }
    ui.title.textContent = tableId;

    let chip = CHIPS[0];
    let pending = new Map(); // spot -> amount, not sent yet
    let feed = null;
    let connection = null;
    let currency = "";

    const log = (text, cls = "") => {
        ui.log.prepend(el("div", { class: cls }, text));
        while (ui.log.children.length > LOG_MAX) ui.log.lastChild.remove();
    };

    // ---- chips and the bet slip ----
    ui.chips.replaceChildren(...CHIPS.map((v, i) => el("button", {
        class: `chip c${i}${i === 0 ? " selected" : ""}`, testid: `chip-${v}`, "data-value": v,
        onclick: (ev) => {
            chip = v;
            for (const b of ui.chips.children) b.classList.toggle("selected", b === ev.currentTarget);
        },
    }, money(v).replace(/\.00$/, ""))));

    const placedBySpot = () => {
        const m = new Map();
        for (const b of feed?.state?.myBets ?? []) {
            if (!["accepted", "pending", "settled"].includes(b.status)) continue;
            for (const l of b.lines ?? []) m.set(l.spot, (m.get(l.spot) ?? 0) + l.amount);
        }
        return m;
    };

    const bettingOpen = () => feed?.state?.round?.phase === "bettingOpen" && (feed.state.round.localClosesAt ?? 0) > Date.now();

    const renderSlip = () => {
        const total = [...pending.values()].reduce((a, b) => a + b, 0);
        ui.slip.replaceChildren(
            ...[...pending].map(([spot, amount]) => el("div", { class: "line" }, el("span", {}, spot), el("span", {}, money(amount, currency)))),
            el("div", { class: "line" }, el("strong", {}, "Total"), el("strong", { testid: "slip-total" }, money(total, currency))));
        ui.place.disabled = pending.size === 0 || !bettingOpen();
        ui.clear.disabled = pending.size === 0;
        game.stakes({ pending, placed: placedBySpot() });
    };

    const renderMyBets = () => {
        const bets = feed?.state?.myBets ?? [];
        ui.myBets.replaceChildren(...bets.map((b) => el("div", { class: "line", "data-status": b.status, testid: `my-bet-${b.betId}` },
            el("span", {}, (b.lines ?? []).map((l) => `${l.spot} ${money(l.amount)}`).join(", ")),
            el("span", {}, b.status + (b.returned !== undefined ? ` · ${money(b.returned, currency)}` : "") +
                (b.reason ? ` (${reasonText(b.reason)})` : "")))));
        if (bets.length === 0) ui.myBets.replaceChildren(el("span", { class: "muted" }, "No bets this round."));
    };

    const pick = (spot) => {
        if (!bettingOpen()) {
            ui.error.textContent = "Bets are closed: wait for the next round.";
            return;
        }
        ui.error.textContent = "";
        pending.set(spot, (pending.get(spot) ?? 0) + chip);
        renderSlip();
    };

    ui.clear.addEventListener("click", () => { pending = new Map(); renderSlip(); });
    ui.place.addEventListener("click", async () => {
        const round = feed.state.round;
        const lines = [...pending].map(([spot, amount]) => ({ spot, amount }));
        const betId = api.newId("b");
        ui.place.disabled = true;
        ui.error.textContent = "";
        try {
            const reply = await connection.invoke("PlaceBet", { tableId, roundNo: round.roundNo, betId, lines });
            if (reply.outcome === "accepted") {
                feed.state.myBets = [...(feed.state.myBets ?? []), { betId, betNo: reply.betNo, lines, stake: reply.stake, status: "accepted" }];
                pending = new Map();
                log(`bet ${betId} accepted: ${money(reply.stake, currency)}`, "good");
            } else {
                ui.error.textContent = `Bet refused: ${reasonText(reply.reason)}${reply.detail ? ` (${reply.detail})` : ""}`;
                log(`bet refused: ${reply.reason}`, "bad");
            }
        } catch (e) {
            ui.error.textContent = e.message;
        }
        renderSlip();
        renderMyBets();
    });

    // ---- round bar ----
    const renderRound = (state) => {
        const r = state.round;
        ui.phase.textContent = phaseText(r?.phase ?? "none");
        ui.phase.className = `phase ${r?.phase ?? "none"}`;
        ui.phase.dataset.phase = r?.phase ?? "none";
        ui.round.textContent = r ? `round ${r.roundId ?? r.roundNo}` : "";
        const viewers = state.viewers ?? state.stats?.viewers ?? 0;
        ui.viewers.textContent = `${viewers} watching`;
        ui.viewers.dataset.viewers = String(viewers);
    };
    setInterval(() => {
        const r = feed?.state?.round;
        const left = r?.phase === "bettingOpen" ? Math.max(0, Math.ceil(((r.localClosesAt ?? 0) - Date.now()) / 1000)) : null;
        ui.countdown.textContent = left === null ? "" : String(left);
        ui.place.disabled = pending.size === 0 || !bettingOpen();
    }, 200);

    const showBanner = (text, cls) => {
        ui.banner.textContent = text;
        ui.banner.className = `banner ${cls}`;
        ui.banner.classList.toggle("hidden", !text);
    };

    // ---- connection and feed ----
    const onState = (state, e) => {
        ui.conn.textContent = state === "connected" || state === "reconnected" ? "live" : state;
        ui.conn.dataset.state = state;
        if (state === "reconnected") feed?.start().catch((err) => log(`re-join failed: ${err.message}`, "bad"));
        if (state === "sessionEnded") log(`session ended: ${e?.reason ?? ""}`, "bad");
    };
    connection = await connect("/hubs/player", api.player, onState);
    connection.on("balanceChanged", (b) => {
        header.showBalance(b);
        log(`balance ${money(b.available, b.currency)} (${b.reason})`);
    });
    feed = new TableFeed(connection, tableId,
        () => connection.invoke("JoinTable", tableId),
        () => connection.invoke("Resync", tableId));
    feed.on("snapshot", (state, why) => {
        currency = state.currency ?? currency;
        if (state.balance) header.showBalance(state.balance);
        renderRound(state);
        game.snapshot(state);
        if (state.stats) game.stats(state.stats, state);
        renderMyBets();
        renderSlip();
        const delay = showVideo(ui.video, state.stream, ui.sync, (ms) => feed.setVideoDelay(ms));
        feed.setVideoDelay(delay);
        log(`snapshot at seq ${state.seq} (${why})`);
    });
    feed.on("applied", (name, e, state) => {
        if (name === "roundOpened") {
            showBanner("", "");
            pending = new Map();
        }
        renderSlip();
    });
    feed.on("event", (name, e, state) => {
        renderRound(state);
        game.event(name, e, state);
        log(`${time(e.studioTime)} ${name}${e.result ? ": " + describeResult(e.result) : ""}${e.card?.card ? " " + e.card.card : ""}`);
        if (name === "roundSettled" || name === "roundResettled") {
            const my = e.my;
            if (my) {
                const cls = my.net > 0 ? "win" : my.net < 0 ? "loss" : "";
                showBanner(`${describeResult(e.result)} · you staked ${money(my.stake, currency)}, returned ${money(my.returned, currency)}` +
                    ` (${my.net >= 0 ? "+" : ""}${money(my.net, currency)})`, cls);
                ui.banner.dataset.net = String(my.net);
            } else {
                showBanner(describeResult(e.result), "");
            }
            renderMyBets();
        } else if (name === "roundVoided") {
            showBanner(`Round void (${e.reason}): ${e.my ? `your ${money(e.my.stake, currency)} is refunded` : "every stake is refunded"}`, "loss");
            renderMyBets();
        } else if (name === "wheelResult" || name === "dealResult") {
            showBanner(describeResult(e.result), "");
        }
    });
    feed.on("stats", (stats, state) => { renderRound(state); game.stats(stats, state); });
    feed.on("gap", (g) => log(`missed events (seq ${g.expectedPrev} → ${g.got}): asking a fresh snapshot`, "bad"));

    // A handle for support staff (browser console) and the browser tests: the live state and feed.
    globalThis.livecasino = { feed, connection };
    game.board(document.querySelector('[data-testid="board"]'), pick);
    const reply = await feed.start();
    if (!reply.ok) {
        ui.title.textContent = `${tableId}: ${reasonText(reply.reason)}`;
        ui.error.textContent = reply.detail ?? "";
    }
    return { feed, connection };
}

/** Starts a page and shows a failure to connect instead of a blank page. */
export function runTablePage(game) {
    startTablePage(game).catch((e) => {
        const c = document.querySelector('[data-testid="connection"]');
        if (c) c.textContent = `cannot connect: ${e.message}`;
        if (/401|Unauthorized/i.test(e.message)) location.href = `/login.html?next=${encodeURIComponent(location.pathname + location.search)}`;
    });
}
