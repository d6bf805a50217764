// Punto Banco baccarat table page: the board, cards as they are scanned, bead plate and big road.
import { runTablePage } from "../table-page.js";
import { drawSpots, Hands } from "../card-table.js";
import { el, money, resultPill } from "../format.js";
import { showStakes } from "../stakes.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const hands = new Hands($("hands"), ["player", "banker"], true);
let board = null;

const SPOTS = [
    ["player-pair", "Player pair", "11:1"], ["tie", "Tie", "8:1"], ["banker-pair", "Banker pair", "11:1"],
    ["player", "Player", "1:1"], ["banker", "Banker", "0.95:1"],
];

/** A grid cell of a road at (column, row). */
function roadCell(c, label, extraClass = "") {
    const cell = el("span", { class: `cell ${c.winner} ${extraClass}`, title: c.winner }, label);
    cell.style.gridColumn = String(c.column + 1);
    cell.style.gridRow = String(c.row + 1);
    return cell;
}

function showRoads(stats) {
    $("bead-plate").replaceChildren(...(stats.beadPlate ?? []).map((c) =>
        roadCell(c, { player: "P", banker: "B", tie: "T" }[c.winner] ?? "?")));
    $("big-road").replaceChildren(...(stats.bigRoad?.cells ?? []).map((c) =>
        roadCell(c, c.ties > 0 ? String(c.ties) : "")));
}

function showShoe(state) {
    const s = state.shoe;
    $("shoe").textContent = s ? `shoe ${s.shoeNo}${s.needsChange ? " · change due" : ""}` : "";
}

runTablePage({
    board(container, pick) {
        board = container;
        drawSpots(container, SPOTS, pick);
    },
    stakes(byspot) {
        showStakes(board, byspot, (m) => money(m).replace(/\.00$/, ""));
    },
    snapshot(state) {
        hands.setAll(state.round?.cards ?? []);
        hands.winner(state.round?.result);
        showShoe(state);
    },
    event(name, e, state) {
        switch (name) {
            case "roundOpened": hands.clear(); break;
            case "cardDealt": hands.add(e.card); break;
            case "cardRescanned": hands.setAll(state.round?.cards ?? []); break;
            case "dealResult":
            case "roundSettled":
            case "roundResettled": hands.winner(e.result); break;
            case "shoeChanged":
            case "shoeFlagged": showShoe(state); break;
            default: break;
        }
    },
    stats(stats) {
        showRoads(stats);
        const w = stats.winnerCounts ?? {};
        $("winner-counts").textContent = `${w.player ?? 0} / ${w.banker ?? 0} / ${w.tie ?? 0}`;
        $("last-results").replaceChildren(...(stats.lastResults ?? []).slice(0, 12).map(resultPill));
    },
});
