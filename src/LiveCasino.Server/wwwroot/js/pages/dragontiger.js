// Dragon Tiger table page: the board, the two cards as they are scanned, last results.
import { runCardTablePage } from "../card-table.js";

const SPOTS = [
    ["dragon", "Dragon", "1:1"], ["tie", "Tie", "11:1"], ["tiger", "Tiger", "1:1"], ["suited-tie", "Suited tie", "50:1"],
];

runCardTablePage({
    spots: SPOTS,
    hands: ["dragon", "tiger"],
    totals: false,
    winners: ["dragon", "tiger", "tie"],
});
