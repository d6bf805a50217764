'use strict';
// The peers' emitter: the same fixed-rate, staggered schedule as the node's BenchEmitter. Events
// that fall due while the loop was busy go out at once, carrying their scheduled time.
const { tick, nowMs } = require('./payload');

function emit(tables, req, send, done) {
  const periodMs = 1000 / req.rateHz;
  const stagger = periodMs / tables.length;
  const total = (req.warmup + req.ticks) * tables.length;
  const pad = 'x'.repeat(req.pad);
  const start = nowMs() + 100;
  const status = { running: true, emitted: 0, offered: 0, lateMaxMs: 0, startAt: start };
  let g = 0;
  function due(i) { return start + Math.floor(i / tables.length) * periodMs + (i % tables.length) * stagger; }
  function step() {
    const now = nowMs();
    while (g < total && due(g) <= now) {
      const t = Math.floor(g / tables.length), table = g % tables.length, at = due(g);
      const late = now - at;
      if (late > status.lateMaxMs) status.lateMaxMs = late;
      status.offered += send(tables[table], tick(tables[table], t + 1, at, t < req.warmup ? 0 : 1, pad));
      status.emitted++;
      g++;
    }
    if (g >= total) { status.running = false; if (done) done(); return; }
    setTimeout(step, Math.max(0, due(g) - nowMs()));
  }
  setTimeout(step, 100);
  return status;
}

module.exports = { emit };
