// Holds table events until the table's video shows them. An event happened at studioTime (the
// studio's clock); a feed that runs delayMs behind live shows that moment delayMs later. The studio
// clock is tied to ours by the snapshot (studioTime at the moment it arrived), so an event is due at
//     local = studioTime(event) - (studioTime(snapshot) - receivedAt(snapshot)) + delayMs.
// Events leave in arrival order (a later event never overtakes an earlier one); with no delay they
// leave at once. Bounded: past QUEUE_MAX held events, or a hold longer than delay + HOLD_SLACK_MS
// (a clock that jumped), everything is released.

const QUEUE_MAX = 500;
const HOLD_SLACK_MS = 3_000;

export class VideoDelayLine {
    constructor(release) {
        this.release = release;
        this.delayMs = 0;
        this.offset = 0; // studio clock minus local clock, ms
        this.queue = [];
        this.timer = null;
    }

    setDelay(delayMs) {
        this.delayMs = Math.max(0, delayMs | 0);
        this.pump();
    }

    /** New snapshot: re-anchor the studio clock; what was held is shown now (the snapshot covers it). */
    reset(snapshot) {
        if (snapshot?.studioTime) this.offset = Date.parse(snapshot.studioTime) - Date.now();
        this.flush();
    }

    push(name, e) {
        const studio = Date.parse(e.studioTime);
        const now = Date.now();
        let due = Number.isFinite(studio) ? studio - this.offset + this.delayMs : now;
        due = Math.min(due, now + this.delayMs + HOLD_SLACK_MS);
        this.queue.push({ name, e, due });
        if (this.queue.length > QUEUE_MAX) {
            this.flush();
            return;
        }
        this.pump();
    }

    flush() {
        clearTimeout(this.timer);
        this.timer = null;
        const q = this.queue;
        this.queue = [];
        for (const item of q) this.release(item.name, item.e);
    }

    pump() {
        clearTimeout(this.timer);
        this.timer = null;
        while (this.queue.length > 0) {
            const head = this.queue[0];
            const wait = this.delayMs === 0 ? 0 : head.due - Date.now();
            if (wait > 0) {
                this.timer = setTimeout(() => this.pump(), wait);
                return;
            }
            this.queue.shift();
            this.release(head.name, head.e);
        }
    }
}
