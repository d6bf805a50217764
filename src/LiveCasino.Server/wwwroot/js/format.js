// Formatting shared by every page: money (integer minor units), cards, results, phases, reasons.

/** 12345 EUR -> "123.45 EUR"; money is always whole minor units (cents). */
export function money(minor, currency = "") {
    if (minor === null || minor === undefined) return "–";
    const sign = minor < 0 ? "-" : "";
    const abs = Math.abs(minor);
    const units = Math.trunc(abs / 100);
    const cents = String(abs % 100).padStart(2, "0");
    return `${sign}${units.toLocaleString("en")}.${cents}${currency ? " " + currency : ""}`;
}

/** "12.50" -> 1250; null for anything that is not a positive amount with at most two decimals. */
export function parseMoney(text) {
    const m = /^\s*(\d{1,12})(?:[.,](\d{1,2}))?\s*$/.exec(text ?? "");
    if (!m) return null;
    const minor = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
    return minor > 0 ? minor : null;
}

const SUITS = { C: "♣", D: "♦", H: "♥", S: "♠" };
const RANK_NAMES = { T: "10" };

/** "QH" -> { rank: "Q", suit: "♥", red: true, value: 0 } (baccarat value) */
export function card(code) {
    const rank = code[0];
    const suit = code[1];
    const value = rank === "A" ? 1 : /[2-9]/.test(rank) ? Number(rank) : 0;
    return { code, rank: RANK_NAMES[rank] ?? rank, suit: SUITS[suit] ?? suit, red: suit === "H" || suit === "D", value };
}

/** A card as an element (the third baccarat card is drawn sideways). */
export function cardElement(code, third = false) {
    const c = card(code);
    const el = document.createElement("div");
    el.className = "card" + (c.red ? " red-suit" : "") + (third ? " third" : "");
    el.dataset.card = code;
    el.textContent = `${c.rank}${c.suit}`;
    return el;
}

/** Baccarat total of card codes: sum of values mod 10. */
export const baccaratTotal = (codes) => codes.reduce((s, c) => s + card(c).value, 0) % 10;

const RED_NUMBERS = new Set([1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36]);

/** "red", "black" or "green" for a roulette pocket. */
export const colourOf = (n) => (n === 0 ? "green" : RED_NUMBERS.has(n) ? "red" : "black");

/** A small round marker for one result: the number for roulette, the winner's initial otherwise. */
export function resultPill(result) {
    const el = document.createElement("span");
    if (result.game === "roulette") {
        el.className = `pill ${colourOf(result.number)}`;
        el.textContent = String(result.number);
    } else {
        el.className = `pill ${result.winner}`;
        el.textContent = { player: "P", banker: "B", tie: "T", dragon: "D", tiger: "T" }[result.winner] ?? "?";
        if (result.winner === "tie") el.title = "tie";
    }
    return el;
}

/** One line in words: "17 black", "Banker 7 : 4", "Dragon KH vs 3C". */
export function describeResult(result) {
    if (!result) return "";
    switch (result.game) {
        case "roulette":
            return `${result.number} ${colourOf(result.number)}`;
        case "baccarat":
            return `${capitalize(result.winner)} wins, ${result.playerTotal} : ${result.bankerTotal}` +
                (result.playerPair ? ", player pair" : "") + (result.bankerPair ? ", banker pair" : "");
        default: {
            const cards = (result.cards ?? []).map(c => card(c.card)).map(c => c.rank + c.suit).join(" vs ");
            return result.winner === "tie"
                ? `Tie${result.suitedTie ? " (suited)" : ""}, ${cards}`
                : `${capitalize(result.winner)} wins, ${cards}`;
        }
    }
}

export const capitalize = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

const PHASES = {
    none: "waiting for the first round",
    bettingOpen: "place your bets",
    bettingClosed: "no more bets",
    dealing: "dealing",
    resultConfirmed: "result",
    settled: "settled",
    voided: "round void",
};

export const phaseText = (phase) => PHASES[phase] ?? phase;

/** camelCase reason -> words: "insufficientFunds" -> "insufficient funds". */
export const reasonText = (reason) => (reason ?? "").replace(/([A-Z])/g, " $1").toLowerCase().trim();

export const gameName = (game) => ({ roulette: "Roulette", baccarat: "Baccarat", dragonTiger: "Dragon Tiger" }[game] ?? game);

/** The page that shows a table of this game. */
export const pageOf = (game, tableId) =>
    `/${{ roulette: "roulette", baccarat: "baccarat", dragonTiger: "dragontiger" }[game] ?? "roulette"}.html?table=${encodeURIComponent(tableId)}`;

export function time(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return d.toLocaleTimeString("en-GB", { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

/** Builds an element: el("div", { class: "x", text: "y" }, child...). */
export function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else if (k === "testid") e.dataset.testid = v;
        else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
}
