// The lobby: every table the node runs with its live status (phase, time left, last results,
// viewers), from the player hub's ListTables, polled (the lobby has no events).
import * as api from "../api.js";
import { connect } from "../hub.js";
import { el, gameName, money, pageOf, phaseText, resultPill } from "../format.js";
import { topbar, requirePlayer } from "../nav.js";

const POLL_MS = 3_000;
const header = topbar();
const status = document.getElementById("lobby-status");
const grid = document.getElementById("tables");
let tables = [];
let listedAt = Date.now();

function render() {
    grid.replaceChildren(...tables.map((t) => {
        const left = t.phase === "bettingOpen" && t.timeLeftMs !== undefined
            ? Math.max(0, Math.ceil((t.timeLeftMs - (Date.now() - listedAt)) / 1000)) : null;
        return el("a", { class: "table-card", href: pageOf(t.game, t.tableId), testid: `table-${t.tableId}`, "data-game": t.game },
            el("div", { class: "title" }, `${gameName(t.game)} · ${t.tableId}`),
            el("div", { class: "status" },
                el("span", { class: `phase ${t.phase}`, testid: "table-phase" }, phaseText(t.phase) + (left !== null ? ` · ${left}s` : "")),
                el("span", { testid: "table-viewers", "data-viewers": t.viewers ?? 0 }, `${t.viewers ?? 0} watching`)),
            el("div", { class: "chips-row" }, ...(t.lastResults ?? []).slice(0, 5).map(resultPill)),
            el("div", { class: "muted" },
                t.limits ? `Bets ${money(t.limits.spotMin, t.currency)} – ${money(t.limits.spotMax, t.currency)}` : "",
                t.roundNo ? ` · round ${t.roundNo}` : ""));
    }));
    if (tables.length === 0) grid.replaceChildren(el("p", { class: "muted" }, "No tables are running on this node."));
}

async function main() {
    if (!requirePlayer()) return;
    api.balance().then(header.showBalance).catch(() => {});
    const connection = await connect("/hubs/player", api.player, (state) => {
        status.textContent = state === "connected" || state === "reconnected" ? "live" : state;
    });
    connection.on("balanceChanged", header.showBalance);
    const poll = async () => {
        try {
            tables = await connection.invoke("ListTables");
            listedAt = Date.now();
            render();
        } catch (e) {
            status.textContent = e.message;
        }
    };
    await poll();
    setInterval(poll, POLL_MS);
    setInterval(render, 1_000);
}

main().catch((e) => {
    status.textContent = `cannot connect: ${e.message}`;
    if (/401|Unauthorized/i.test(e.message)) location.href = "/login.html?next=/";
});
