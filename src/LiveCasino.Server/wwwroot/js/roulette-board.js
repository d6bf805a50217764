// The European roulette layout as clickable spots with the games library's spot ids
// (docs/games.md): numbers for straights, cell edges for splits, corners and streets, the zero's
// edges for its splits, trios and the first four, then dozens, columns and the even-money bets.

import { colourOf, el } from "./format.js";

const sorted = (...ns) => ns.sort((a, b) => a - b).join("-");

/** Grid placement of number n (1-36): columns 2-13, rows 1 (3, 6, ...) to 3 (1, 4, ...). */
const place = (n) => ({ column: 1 + Math.ceil(n / 3), row: 3 - ((n - 1) % 3) });

function spot(id, cls, label, area) {
    const e = el("div", { class: `spot ${cls}`, "data-spot": id, testid: `spot-${id}`, title: id }, label);
    Object.assign(e.style, area);
    return e;
}

const edge = (id, cls) => el("div", { class: `edge ${cls}`, "data-spot": id, testid: `spot-${id}`, title: id });

/** Draws the board into <container>; <pick>(spotId) is called on a click. */
export function drawRouletteBoard(container, pick) {
    const cells = [spot("straight:0", "green", "0", { gridColumn: "1", gridRow: "1 / span 3" })];
    const zero = cells[0];
    for (let n = 1; n <= 36; n++) {
        const { column, row } = place(n);
        const cell = spot(`straight:${n}`, colourOf(n), String(n), { gridColumn: String(column), gridRow: String(row) });
        if (n + 3 <= 36) cell.append(edge(`split:${n}-${n + 3}`, "right"));
        if (n % 3 !== 0) {
            cell.append(edge(`split:${n}-${n + 1}`, "top"));
            if (n + 3 <= 36) cell.append(edge(`corner:${sorted(n, n + 1, n + 3, n + 4)}`, "corner"));
        }
        if (n % 3 === 1) {
            cell.append(edge(`street:${n}-${n + 1}-${n + 2}`, "street"));
            if (n + 5 <= 36) cell.append(edge(`sixline:${[0, 1, 2, 3, 4, 5].map(i => n + i).join("-")}`, "sixline"));
        }
        if (n <= 3) cell.append(edge(`split:0-${n}`, "left"));
        if (n === 1) {
            cell.append(edge("trio:0-1-2", "top-left"));
            cell.append(edge("corner:0-1-2-3", "bottom-left"));
        }
        if (n === 2) cell.append(edge("trio:0-2-3", "top-left"));
        cells.push(cell);
    }
    for (let c = 1; c <= 3; c++) {
        cells.push(spot(`column:${c}`, "", "2:1", { gridColumn: "14", gridRow: String(4 - c) }));
        cells.push(spot(`dozen:${c}`, "", ["1st 12", "2nd 12", "3rd 12"][c - 1], { gridColumn: `${2 + (c - 1) * 4} / span 4`, gridRow: "4" }));
    }
    const outside = [["low", "1-18", ""], ["even", "Even", ""], ["red", "Red", "red"], ["black", "Black", "black"], ["odd", "Odd", ""], ["high", "19-36", ""]];
    outside.forEach(([id, label, cls], i) => cells.push(spot(id, cls, label, { gridColumn: `${2 + i * 2} / span 2`, gridRow: "5" })));
    container.replaceChildren(...cells);
    container.addEventListener("click", (ev) => {
        const target = ev.target.closest("[data-spot]");
        if (target) {
            ev.stopPropagation();
            pick(target.dataset.spot);
        }
    });
    return zero;
}

/** Highlights the winning number (and nothing else); null clears. */
export function markWinner(container, number) {
    for (const e of container.querySelectorAll(".spot.won")) e.classList.remove("won");
    if (number === null || number === undefined) return;
    container.querySelector(`[data-spot="straight:${number}"]`)?.classList.add("won");
}
