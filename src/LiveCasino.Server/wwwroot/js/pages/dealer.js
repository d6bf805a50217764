// The dealer console: a studio's console signs in with its id and API key, binds to one table of
// its studio, and runs rounds by hand (open, close, spin and enter the number, scan cards, burn,
// change shoe, void, re-scan). Every action is answered with the table's verdict; the table's
// events arrive as they do for players (same feed, same gap handling).
import * as api from "../api.js";
import { connect } from "../hub.js";
import { TableFeed } from "../table-feed.js";
import { Hands } from "../card-table.js";
import { colourOf, el, gameName, phaseText, reasonText, time, describeResult } from "../format.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const LOG_MAX = 200;
let connection = null;
let feed = null;
let hands = null;
let tables = [];

const log = (text, cls = "") => {
    $("console-log").prepend(el("div", { class: cls }, text));
    while ($("console-log").children.length > LOG_MAX) $("console-log").lastChild.remove();
};

function showVerdict(action, v) {
    const box = $("console-verdict");
    box.dataset.accepted = String(v.accepted);
    box.className = `verdict ${v.accepted ? "ok" : "error"}`;
    box.textContent = v.accepted
        ? `✔ ${action}: ${v.what} (round ${v.roundId ?? v.roundNo}, ${phaseText(v.phase)})`
        : `✘ ${action}: ${reasonText(v.reason)}${v.detail ? ` – ${v.detail}` : ""}`;
    log(box.textContent, v.accepted ? "good" : "bad");
}

/** Sends one dealer action with the console's clock as studio time. */
async function act(method, arg = {}) {
    if (!connection) return;
    try {
        const v = await connection.invoke(method, { ...arg, studioTime: new Date().toISOString() });
        showVerdict(method, v);
        return v;
    } catch (e) {
        showVerdict(method, { accepted: false, reason: "error", detail: e.message });
        return null;
    }
}

function renderState(state) {
    const r = state?.round;
    $("console-phase").textContent = phaseText(r?.phase ?? "none");
    $("console-phase").className = `phase ${r?.phase ?? "none"}`;
    $("console-phase").dataset.phase = r?.phase ?? "none";
    $("console-round").textContent = r ? `round ${r.roundId ?? r.roundNo}${r.result ? " · " + describeResult(r.result) : ""}` : "";
}

function showGame(game) {
    for (const s of document.querySelectorAll("[data-game]")) {
        const g = s.dataset.game;
        s.classList.toggle("hidden", !(g === game || (g === "cards" && game !== "roulette")));
    }
    const handNames = game === "dragonTiger" ? ["dragon", "tiger"] : ["player", "banker"];
    const select = $("scan-hand");
    select.replaceChildren(el("option", { value: "" }, "next by the rules"), ...handNames.map((h) => el("option", { value: h }, h)));
    hands = new Hands($("console-hands"), handNames, game === "baccarat");
}

async function bind(tableId) {
    const table = tables.find((t) => t.tableId === tableId);
    feed?.dispose();
    feed = new TableFeed(connection, tableId,
        () => connection.invoke("Bind", { tableId }),
        () => connection.invoke("Bind", { tableId }));
    feed.on("snapshot", (state, why) => {
        showGame(state.game ?? table?.game);
        hands.setAll(state.round?.cards ?? []);
        renderState(state);
        log(`bound to ${tableId} at seq ${state.seq} (${why})`);
    });
    feed.on("event", (name, e, state) => {
        renderState(state);
        if (name === "roundOpened") hands.clear();
        if (name === "cardDealt") hands.add(e.card);
        if (name === "cardRescanned") hands.setAll(state.round?.cards ?? []);
        log(`${time(e.studioTime)} ${name}${e.card?.card ? " " + e.card.card : ""}${e.result ? ": " + describeResult(e.result) : ""}`);
    });
    feed.on("gap", () => log("missed events: binding again for a fresh snapshot", "bad"));
    const reply = await feed.start();
    $("console-bound").textContent = reply.ok ? `bound to ${tableId} (${gameName(reply.snapshot.game)})` : `not bound: ${reasonText(reply.reason)}`;
    $("console-bound").dataset.table = reply.ok ? tableId : "";
}

setInterval(() => {
    const r = feed?.state?.round;
    const left = r?.phase === "bettingOpen" ? Math.max(0, Math.ceil(((r.localClosesAt ?? 0) - Date.now()) / 1000)) : null;
    $("console-countdown").textContent = left === null ? "" : String(left);
}, 200);

function wireForm(id, handler) {
    document.getElementById(id).addEventListener("submit", (ev) => {
        ev.preventDefault();
        handler(new FormData(ev.currentTarget), ev.currentTarget);
    });
}

function buildPads() {
    $("wheel-pad").replaceChildren(...Array.from({ length: 37 }, (_, n) => el("button", {
        class: `pill ${colourOf(n)}`, testid: `wheel-pad-${n}`,
        onclick: () => { document.querySelector('[data-testid="wheel-number"]').value = String(n); },
    }, String(n))));
    const cards = [];
    for (const suit of ["S", "H", "D", "C"]) {
        for (const rank of ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]) {
            cards.push(el("button", {
                class: suit === "H" || suit === "D" ? "red-suit" : "", testid: `pick-${rank}${suit}`, title: `${rank}${suit}`,
                onclick: () => { $("scan-card").value = rank + suit; },
            }, `${rank === "T" ? "10" : rank}${{ S: "♠", H: "♥", D: "♦", C: "♣" }[suit]}`));
        }
    }
    $("card-picker").replaceChildren(...cards);
}

function wireActions() {
    $("action-open").addEventListener("click", () => act("OpenRound"));
    $("action-close").addEventListener("click", () => act("CloseBets"));
    $("action-spin").addEventListener("click", () => act("StartSpin"));
    $("action-shoe").addEventListener("click", () => act("ChangeShoe"));
    $("action-cut").addEventListener("click", () => act("CutCard"));
    $("console-bind").addEventListener("click", () => bind($("console-tables").value));
    wireForm("void", (d) => act("VoidRound", { reason: String(d.get("reason")) }));
    wireForm("wheel", (d) => act("WheelResult", {
        number: Number(d.get("number")), revolutions: Number(d.get("revolutions")), fault: d.get("fault") === "on",
    }));
    wireForm("scan", async (d, form) => {
        const hand = String(d.get("hand"));
        const v = await act("ScanCard", { card: String(d.get("card")).toUpperCase(), ...(hand ? { hand } : {}) });
        if (v?.accepted) form.querySelector('[name="card"]').value = "";
    });
    wireForm("burn", (d) => act("Burn", { card: String(d.get("card")).toUpperCase() }));
    wireForm("rescan", (d) => act("Rescan", {
        position: Number(d.get("position")), card: String(d.get("card")).toUpperCase(), reason: String(d.get("reason")),
    }));
    $("console-logout").addEventListener("click", () => { api.console_.clear(); location.reload(); });
}

async function start() {
    $("console-login-panel").classList.add("hidden");
    $("console-main").classList.remove("hidden");
    $("console-logout").classList.remove("hidden");
    $("console-id").textContent = api.console_.name;
    connection = await connect("/hubs/dealer", api.console_, (state, e) => {
        $("console-connection").textContent = state === "connected" || state === "reconnected" ? "live" : state;
        if (state === "reconnected" && feed) feed.start();
        if (state === "sessionEnded") log(`session ended: ${e?.reason ?? ""}`, "bad");
    });
    connection.on("readingVerdict", (v) => log(`reading ${v.sequence}: ${v.accepted ? v.what : reasonText(v.reason)}`, v.accepted ? "good" : "bad"));
    tables = await connection.invoke("ListTables");
    $("console-tables").replaceChildren(...tables.map((t) => el("option", { value: t.tableId }, `${t.tableId} (${gameName(t.game)})`)));
    const wanted = new URLSearchParams(location.search).get("table");
    if (wanted && tables.some((t) => t.tableId === wanted)) $("console-tables").value = wanted;
    if (tables.length > 0) await bind($("console-tables").value);
    else log("this studio has no tables on this node", "bad");
}

buildPads();
wireActions();
wireForm("console-login", async (d) => {
    $("console-login-error").textContent = "";
    try {
        await api.consoleLogin(String(d.get("consoleId")).trim(), String(d.get("apiKey")).trim());
        await start();
    } catch (e) {
        $("console-login-error").textContent = e.message;
    }
});
if (api.console_.signedIn) {
    start().catch((e) => {
        $("console-connection").textContent = `cannot connect: ${e.message}`;
        if (/401|Unauthorized/i.test(e.message)) { api.console_.clear(); location.reload(); }
    });
}
