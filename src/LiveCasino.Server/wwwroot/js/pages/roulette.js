// European roulette table page: the board, the winning number, last results and hot/cold numbers.
import { runTablePage } from "../table-page.js";
import { drawRouletteBoard, markWinner } from "../roulette-board.js";
import { showStakes } from "../stakes.js";
import { colourOf, el, money, resultPill } from "../format.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
let board = null;

function showNumber(result) {
    const pill = $("last-number");
    if (!result || result.number === undefined) {
        pill.classList.add("hidden");
        markWinner(board, null);
        return;
    }
    pill.textContent = String(result.number);
    pill.className = `pill ${colourOf(result.number)}`;
    pill.dataset.number = String(result.number);
    markWinner(board, result.number);
}

const numberPill = (n, hits) => {
    const p = el("span", { class: `pill ${colourOf(n)}`, title: `${hits} hits` }, String(n));
    return p;
};

runTablePage({
    board(container, pick) {
        board = container;
        drawRouletteBoard(container, pick);
    },
    stakes(byspot) {
        showStakes(board, byspot, (m) => money(m).replace(/\.00$/, ""));
    },
    snapshot(state) {
        showNumber(state.round?.result ?? null);
    },
    event(name, e) {
        if (name === "roundOpened") showNumber(null);
        if (name === "wheelResult" || name === "roundSettled" || name === "roundResettled") showNumber(e.result);
    },
    stats(stats) {
        $("last-results").replaceChildren(...(stats.lastResults ?? []).slice(0, 15).map(resultPill));
        $("hot").replaceChildren(...(stats.hot ?? []).map((h) => numberPill(h.number, h.hits)));
        $("cold").replaceChildren(...(stats.cold ?? []).map((h) => numberPill(h.number, h.hits)));
        const w = stats.winnerCounts ?? {};
        $("colour-counts").textContent = `${w.red ?? 0} / ${w.black ?? 0} / ${w.green ?? 0}`;
        const b = stats.wheelBias;
        $("wheel-bias").textContent = b ? `χ² ${b.statistic.toFixed(1)} over ${b.spins} spins, p = ${b.pValue.toFixed(2)}` : "no spins yet";
    },
});
