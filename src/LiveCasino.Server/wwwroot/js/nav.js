// The header of every player page: links, who is signed in, the balance, log out.

import * as api from "./api.js";
import { el, money } from "./format.js";

/** Renders the top bar into <header id="top">; answers the element that shows the balance. */
export function topbar() {
    const header = document.getElementById("top");
    const balance = el("span", { class: "balance", testid: "header-balance" });
    const who = el("span", { class: "who", testid: "header-user" });
    const signedIn = api.player.signedIn;
    header.className = "topbar";
    header.replaceChildren(
        el("a", { class: "brand", href: "/" }, "LiveCasino"),
        el("nav", {},
            el("a", { href: "/" }, "Lobby"),
            el("a", { href: "/wallet.html" }, "Wallet"),
            el("a", { href: "/dealer.html" }, "Dealer console")),
        balance,
        who,
        signedIn
            ? el("button", { testid: "logout", onclick: async () => { await api.logout(); location.href = "/login.html"; } }, "Log out")
            : el("a", { href: "/login.html" }, "Log in"));
    who.textContent = signedIn ? api.player.name : "";
    return {
        showBalance(b) {
            balance.textContent = b ? money(b.available ?? b.availableMinor, b.currency) : "";
            balance.dataset.minor = String(b ? (b.available ?? b.availableMinor) : "");
        },
    };
}

/** Sends a signed-out visitor to the login page, coming back here afterwards. */
export function requirePlayer() {
    if (api.player.signedIn) return true;
    location.href = `/login.html?next=${encodeURIComponent(location.pathname + location.search)}`;
    return false;
}
