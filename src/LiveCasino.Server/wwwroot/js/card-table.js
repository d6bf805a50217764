// What baccarat and Dragon Tiger pages share: a board of named spots, the hands with their cards
// as they are scanned (from the snapshot, then one cardDealt at a time), totals and the winner.

import { baccaratTotal, cardElement, el, money, resultPill } from "./format.js";
import { runTablePage } from "./table-page.js";
import { showStakes } from "./stakes.js";

/** Draws spots [id, label, odds] into <container>; <pick>(spotId) on a click. */
export function drawSpots(container, spots, pick) {
    container.className = "card-games-board";
    container.replaceChildren(...spots.map(([id, label, odds]) =>
        el("div", { class: `spot ${id}`, "data-spot": id, testid: `spot-${id}`, title: id }, label, el("small", {}, odds))));
    container.addEventListener("click", (ev) => {
        const target = ev.target.closest("[data-spot]");
        if (target) pick(target.dataset.spot);
    });
}

/** The hands of a card table: hand name -> element with its cards and total. */
export class Hands {
    constructor(container, names, withTotals) {
        this.withTotals = withTotals;
        this.hands = new Map(names.map((name) => {
            const cards = el("div", { class: "cards", testid: `cards-${name}` });
            const total = el("span", { testid: `total-${name}` });
            const box = el("div", { class: `hand ${name}`, testid: `hand-${name}` },
                el("h3", {}, el("span", {}, name[0].toUpperCase() + name.slice(1)), total), cards);
            return [name, { box, cards, total, codes: [] }];
        }));
        container.replaceChildren(...[...this.hands.values()].map((h) => h.box));
    }

    clear() {
        for (const h of this.hands.values()) {
            h.codes = [];
            h.cards.replaceChildren();
            h.total.textContent = "";
            h.box.classList.remove("winner");
        }
    }

    /** Shows every card of the round (snapshot or after a re-scan). */
    setAll(cards) {
        this.clear();
        for (const c of [...cards].sort((a, b) => a.position - b.position)) this.add(c);
    }

    add(c) {
        const h = this.hands.get(c.hand);
        if (!h) return;
        h.codes.push(c.card);
        h.cards.append(cardElement(c.card, this.withTotals && h.codes.length === 3));
        if (this.withTotals) h.total.textContent = String(baccaratTotal(h.codes));
    }

    winner(result) {
        for (const [name, h] of this.hands) h.box.classList.toggle("winner", result?.winner === name);
    }
}

/**
 * Runs a card-game table page (baccarat, Dragon Tiger): the spot board, the hands following the
 * snapshot and the card events, the shoe line, and the winner counts and last results in the stats.
 * <game>: { spots, hands: [names], totals, winners: [names counted], stats(stats) for extras }.
 */
export function runCardTablePage(game) {
    const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
    const hands = new Hands($("hands"), game.hands, game.totals);
    let board = null;
    const showShoe = (state) => {
        const s = state.shoe;
        $("shoe").textContent = s ? `shoe ${s.shoeNo}${s.needsChange ? " · change due" : ""}` : "";
    };
    runTablePage({
        board(container, pick) {
            board = container;
            drawSpots(container, game.spots, pick);
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
            game.stats?.(stats);
            const w = stats.winnerCounts ?? {};
            $("winner-counts").textContent = game.winners.map((name) => w[name] ?? 0).join(" / ");
            $("last-results").replaceChildren(...(stats.lastResults ?? []).slice(0, 12).map(resultPill));
        },
    });
}
