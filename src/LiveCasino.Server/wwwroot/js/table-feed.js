// One table's live state on one hub connection (player or dealer), kept in step with the server by
// the rules of docs/protocol.md "Sequence numbers and resync":
//   - events that arrive before the snapshot are held, then only those after snapshot.seq apply;
//   - each event names the seq of the one before it (prevSeq): a prevSeq beyond what we have means
//     one was lost, so we ask a fresh snapshot (Resync) and hold events until it arrives;
//   - a "resync" event from the server replaces the state outright.
// Listeners: "snapshot" (state replaced), "applied" (an event folded into the state, at once: the
// betting window must not wait), "event" (the same event when the page should show it: with a
// video delay set, when the video, delayMs behind live, reaches the event's studio time), "stats", "gap".

import { VideoDelayLine } from "./delay-line.js";

/** Table events that carry seq/prevSeq (docs/protocol.md, player hub events). */
export const TABLE_EVENTS = [
    "roundOpened", "betsClosed", "dealingStarted", "cardDealt", "cardRescanned", "wheelResult", "dealResult",
    "roundSettled", "roundVoided", "roundResettled", "shoeChanged", "cardBurned", "cutCardReached", "shoeFlagged",
    "tableConfigured",
];

/** Most events held while a snapshot is awaited; past it we drop them and resync again. */
const HELD_MAX = 2_000;

/** Back-off between gap resyncs that follow each other with nothing applied in between. */
const GAP_BACKOFF_MS = [0, 250, 1_000, 5_000];

export class TableFeed {
    /**
     * @param connection a started HubConnection
     * @param tableId the table
     * @param fetchSnapshot async () => join reply ({ ok, snapshot } or { ok:false, reason })
     * @param resyncSnapshot async () => join reply, for a gap (player: Resync; dealer: Bind again)
     */
    constructor(connection, tableId, fetchSnapshot, resyncSnapshot) {
        this.connection = connection;
        this.tableId = tableId;
        this.fetchSnapshot = fetchSnapshot;
        this.resyncSnapshot = resyncSnapshot ?? fetchSnapshot;
        this.state = null;
        this.lastSeq = -1;
        this.awaiting = true; // no snapshot yet: hold events
        this.held = [];
        this.resyncs = 0;
        this.gapStreak = 0; // gap resyncs in a row with no event applied: a snapshot that keeps missing
        this.listeners = { snapshot: [], applied: [], event: [], stats: [], gap: [] };
        this.delay = new VideoDelayLine((name, e) => this.emit("event", name, e, this.state));
        this.handlers = [];
        const listen = (name, fn) => {
            connection.on(name, fn);
            this.handlers.push([name, fn]);
        };
        for (const name of TABLE_EVENTS) {
            listen(name, (e) => this.receive(name, e));
        }
        listen("tableStats", (e) => {
            if (e.tableId !== this.tableId || !this.state) return;
            this.state.stats = e.stats;
            if (e.stats?.viewers !== undefined) this.state.viewers = e.stats.viewers;
            this.emit("stats", e.stats, this.state);
        });
        listen("resync", (e) => {
            if (e.tableId !== this.tableId) return;
            this.replace(e.snapshot, `server resync (${e.reason})`);
        });
    }

    /** Stops listening (another table is bound on the same connection). */
    dispose() {
        for (const [name, fn] of this.handlers) this.connection.off(name, fn);
        this.handlers = [];
        this.delay.flush();
    }

    on(kind, fn) {
        this.listeners[kind].push(fn);
        return this;
    }

    emit(kind, ...args) {
        for (const fn of this.listeners[kind]) {
            try {
                fn(...args);
            } catch (err) {
                console.error(err);
            }
        }
    }

    /** Joins (or re-joins after a reconnect): answers the join reply. */
    async start() {
        this.awaiting = true;
        const reply = await this.fetchSnapshot();
        if (reply?.ok) this.replace(reply.snapshot, "joined");
        else this.awaiting = false;
        return reply;
    }

    /** Turns the video alignment on or off (off shows everything as soon as it arrives). */
    setVideoDelay(delayMs) {
        this.delay.setDelay(delayMs);
    }

    replace(snapshot, why) {
        this.state = structuredClone(snapshot);
        this.state.receivedAt = Date.now();
        const round = this.state.round;
        if (round?.phase === "bettingOpen") round.localClosesAt = this.state.receivedAt + (round.timeLeftMs ?? 0);
        this.lastSeq = snapshot.seq;
        this.awaiting = false;
        this.delay.reset(snapshot);
        this.emit("snapshot", this.state, why);
        const held = this.held;
        this.held = [];
        for (const [name, e] of held) this.receive(name, e);
    }

    receive(name, e) {
        if (e.tableId !== this.tableId) return;
        if (this.awaiting) {
            if (this.held.length >= HELD_MAX) this.held = []; // the snapshot will cover them
            this.held.push([name, e]);
            return;
        }
        if (e.seq <= this.lastSeq) return; // in the snapshot already, or a duplicate
        if (e.prevSeq > this.lastSeq) {
            this.gap(name, e);
            return;
        }
        this.lastSeq = e.seq;
        this.gapStreak = 0;
        this.apply(name, e);
        this.emit("applied", name, e, this.state);
        this.delay.push(name, e);
    }

    /** An event is missing: ask a fresh snapshot, hold everything until it comes. */
    async gap(name, e) {
        this.awaiting = true;
        this.held.push([name, e]);
        this.resyncs++;
        this.emit("gap", { expectedPrev: this.lastSeq, got: e.prevSeq, seq: e.seq });
        const backoff = GAP_BACKOFF_MS[Math.min(this.gapStreak, GAP_BACKOFF_MS.length - 1)];
        this.gapStreak++;
        if (backoff > 0) await new Promise((r) => setTimeout(r, backoff));
        try {
            const reply = await this.resyncSnapshot();
            if (reply?.ok) {
                this.replace(reply.snapshot, "gap");
                return;
            }
        } catch (err) {
            console.error("resync failed", err);
        }
        // No snapshot: start over on the next event rather than hold forever.
        this.awaiting = false;
        this.held = [];
    }

    /** Folds one event into the state (immediately: the betting window must not wait for video). */
    apply(name, e) {
        const s = this.state;
        const now = Date.now();
        switch (name) {
            case "roundOpened":
                e.localClosesAt = now + (Date.parse(e.closesAt) - Date.parse(e.serverTime));
                s.round = {
                    roundNo: e.roundNo, roundId: e.roundId, phase: "bettingOpen", openedAt: e.serverTime,
                    closesAt: e.closesAt, localClosesAt: e.localClosesAt, cards: [], bets: 0, stake: 0,
                };
                s.myBets = [];
                break;
            case "betsClosed":
                this.phase("bettingClosed", e);
                break;
            case "dealingStarted":
                this.phase("dealing", e);
                break;
            case "cardDealt":
                this.phase("dealing", e);
                s.round.cards = [...(s.round.cards ?? []).filter(c => c.position !== e.card.position), e.card]
                    .sort((a, b) => a.position - b.position);
                break;
            case "cardRescanned":
                s.round.cards = (s.round.cards ?? []).map(c => (c.position === e.position ? { ...c, card: e.newCard } : c));
                break;
            case "wheelResult":
            case "dealResult":
                this.phase("resultConfirmed", e);
                s.round.result = e.result;
                break;
            case "roundSettled":
            case "roundResettled":
                this.phase("settled", e);
                s.round.result = e.result;
                this.settleMine(e.my, "settled");
                break;
            case "roundVoided":
                this.phase("voided", e);
                this.settleMine(e.my, "voided");
                break;
            case "shoeChanged":
                s.shoe = { shoeNo: e.shoeNo, needsChange: false };
                break;
            case "shoeFlagged":
                s.shoe = { ...(s.shoe ?? {}), needsChange: true };
                break;
            case "tableConfigured":
                for (const k of ["limits", "bettingWindowMs", "currency", "paytable"]) if (e[k] !== undefined) s[k] = e[k];
                break;
            default:
                break;
        }
        s.serverTime = e.serverTime;
        s.studioTime = e.studioTime;
    }

    phase(phase, e) {
        const s = this.state;
        if (!s.round || s.round.roundNo !== e.roundNo) {
            s.round = { roundNo: e.roundNo, roundId: e.roundId, cards: [] };
        }
        s.round.phase = phase;
    }

    settleMine(my, status) {
        if (!my) return;
        const byId = new Map((my.bets ?? []).map(b => [b.betId, b]));
        this.state.myBets = (this.state.myBets ?? []).map(b =>
            byId.has(b.betId) ? { ...b, status, returned: byId.get(b.betId).returned } : b);
    }
}
