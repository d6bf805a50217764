// Punto Banco baccarat table page: the board, cards as they are scanned, bead plate and big road.
import { runCardTablePage } from "../card-table.js";
import { el } from "../format.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

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

runCardTablePage({
    spots: SPOTS,
    hands: ["player", "banker"],
    totals: true,
    winners: ["player", "banker", "tie"],
    stats: showRoads,
});
