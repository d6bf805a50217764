// Stake badges on the spots of any board: pending (gold, not sent yet) and placed (white) amounts.

import { el } from "./format.js";

/** Puts a badge with the stake on each spot that has one (pending + placed). */
export function showStakes(container, { pending, placed }, format) {
    for (const b of container.querySelectorAll(".stake-badge")) b.remove();
    const all = new Set([...pending.keys(), ...placed.keys()]);
    for (const id of all) {
        const target = container.querySelector(`[data-spot="${CSS.escape(id)}"]`);
        if (!target) continue;
        const amount = (pending.get(id) ?? 0) + (placed.get(id) ?? 0);
        target.append(el("span", { class: `stake-badge${pending.has(id) ? "" : " placed"}` }, format(amount)));
    }
}

