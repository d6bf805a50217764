// Balance, deposits and withdrawals through the payment provider, and the transaction history.
// A payment is answered "accepted" at once; its outcome arrives from the provider by webhook, so
// the page follows it (GET /api/wallet/payments/{id}) until it is final, then reloads the balance.
import * as api from "../api.js";
import { money, parseMoney, el } from "../format.js";
import { topbar, requirePlayer } from "../nav.js";

const POLL_MS = 400;
const POLL_MAX = 75; // ~30 s, then the page says the payment is still pending
const FINAL = new Set(["completed", "failed", "provider_rejected", "wallet_rejected"]);

const header = topbar();
let currency = "EUR";
let nextBefore = null;

async function loadBalance() {
    const b = await api.balance();
    currency = b.currency;
    header.showBalance(b);
    const set = (id, v) => { document.querySelector(`[data-testid="${id}"]`).textContent = money(v, b.currency); };
    set("balance-available", b.availableMinor);
    set("balance-posted", b.postedMinor);
    set("balance-pending-debits", b.pendingDebitsMinor);
    set("balance-pending-credits", b.pendingCreditsMinor);
    document.querySelector('[data-testid="balance-available"]').dataset.minor = String(b.availableMinor);
}

const KIND_NAMES = {
    "deposit-begun": "Deposit started", "deposit-confirmed": "Deposit", "deposit-failed": "Deposit failed",
    "withdrawal-requested": "Withdrawal requested", "withdrawal-confirmed": "Withdrawal paid", "withdrawal-refused": "Withdrawal refused",
    "bet-reserved": "Bet placed", "bet-settled": "Bet settled", "bet-voided": "Bet refunded",
    "bet-reservation-expired": "Bet reservation expired", "balance-adjusted": "Adjustment",
};

async function loadHistory(append) {
    const page = await api.transactions(20, append ? nextBefore : null);
    const body = document.querySelector('[data-testid="history"] tbody');
    if (!append) body.replaceChildren();
    for (const t of page.items) {
        const delta = t.availableDeltaMinor !== 0 ? t.availableDeltaMinor : t.postedDeltaMinor;
        body.append(el("tr", { "data-kind": t.kind },
            el("td", { text: new Date(t.at).toLocaleString("en-GB") }),
            el("td", { text: KIND_NAMES[t.kind] ?? t.kind }),
            el("td", { class: "muted", text: t.detail ?? t.operationId ?? "" }),
            el("td", { class: `num ${delta >= 0 ? "pos" : "neg"}`, text: money(delta) }),
            el("td", { class: "num", text: money(t.availableAfterMinor) })));
    }
    nextBefore = page.nextBefore;
    document.getElementById("older").classList.toggle("hidden", nextBefore === null);
    document.getElementById("history-empty").textContent = body.children.length === 0 ? "No transactions yet." : "";
}

async function follow(operationId, status) {
    for (let i = 0; i < POLL_MAX; i++) {
        const p = await api.payment(operationId);
        status.textContent = `${p.kind} of ${money(p.amountMinor, p.currency)}: ${p.state.replaceAll("_", " ")}`;
        status.dataset.state = p.state;
        if (FINAL.has(p.state)) return p;
        await new Promise(r => setTimeout(r, POLL_MS));
    }
    status.textContent += " (still waiting for the provider; the balance updates when it answers)";
    return null;
}

function wirePayment(formId, send) {
    const form = document.getElementById(formId);
    const error = form.querySelector(".error");
    const status = form.querySelector('[data-testid$="-status"]');
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        error.textContent = "";
        const data = new FormData(form);
        const amount = parseMoney(String(data.get("amount")));
        if (amount === null) {
            error.textContent = "enter an amount like 100 or 25.50";
            return;
        }
        const button = form.querySelector("button");
        button.disabled = true;
        // One id per attempt: pressing again after a network error repeats the same payment.
        const operationId = form.dataset.pending ?? api.newId("web");
        form.dataset.pending = operationId;
        try {
            await send(operationId, amount, currency, String(data.get("channel")));
            delete form.dataset.pending;
            await follow(operationId, status);
            await Promise.all([loadBalance(), loadHistory(false)]);
        } catch (e) {
            if (e.status && e.status < 500) delete form.dataset.pending;
            error.textContent = e.message;
        } finally {
            button.disabled = false;
        }
    });
}

if (requirePlayer()) {
    wirePayment("deposit", api.deposit);
    wirePayment("withdraw", api.withdraw);
    document.getElementById("older").addEventListener("click", () => loadHistory(true));
    Promise.all([loadBalance(), loadHistory(false)]).catch((e) => {
        if (e.status === 401) location.href = "/login.html?next=/wallet.html";
        else document.getElementById("history-empty").textContent = e.message;
    });
}
