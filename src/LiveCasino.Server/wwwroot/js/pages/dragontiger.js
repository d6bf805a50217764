// Dragon Tiger table page: the board, the two cards as they are scanned, last results.
import { runTablePage } from "../table-page.js";
import { drawSpots, Hands } from "../card-table.js";
import { money, resultPill } from "../format.js";
import { showStakes } from "../stakes.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const hands = new Hands($("hands"), ["dragon", "tiger"], false);
let board = null;

const SPOTS = [
    ["dragon", "Dragon", "1:1"], ["tie", "Tie", "11:1"], ["tiger", "Tiger", "1:1"], ["suited-tie", "Suited tie", "50:1"],
];

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
        const w = stats.winnerCounts ?? {};
        $("winner-counts").textContent = `${w.dragon ?? 0} / ${w.tiger ?? 0} / ${w.tie ?? 0}`;
        $("last-results").replaceChildren(...(stats.lastResults ?? []).slice(0, 12).map(resultPill));
    },
});
