// Log in or register, then go back where the visitor came from (?next=), or to the lobby.
import * as api from "../api.js";
import { topbar } from "../nav.js";

topbar();

/** Only paths on this site: an open redirect would let a link send a fresh login elsewhere. */
function next() {
    const n = new URLSearchParams(location.search).get("next");
    return n && n.startsWith("/") && !n.startsWith("//") ? n : "/";
}

function wire(formId, action) {
    const form = document.getElementById(formId);
    const error = form.querySelector(".error");
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        error.textContent = "";
        const data = new FormData(form);
        const button = form.querySelector("button");
        button.disabled = true;
        try {
            await action(data);
            location.href = next();
        } catch (e) {
            error.textContent = e.message;
        } finally {
            button.disabled = false;
        }
    });
}

wire("login", (d) => api.login(String(d.get("username")).trim(), String(d.get("password"))));
wire("register", async (d) => {
    if (d.get("password") !== d.get("again")) throw new Error("the two passwords differ");
    await api.register(String(d.get("username")).trim(), String(d.get("password")));
});
