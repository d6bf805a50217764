'use strict';
// Latency histogram in milliseconds: 10 us steps up to 100 ms, 1 ms steps up to 60 s, then one
// overflow bucket. Fixed size (about 70k counters), mergeable by adding counts.
const FINE_MAX = 100, FINE_STEP = 0.01, COARSE_MAX = 60000, COARSE_STEP = 1;
const FINE = Math.round(FINE_MAX / FINE_STEP);
const COARSE = Math.round((COARSE_MAX - FINE_MAX) / COARSE_STEP);
const SIZE = FINE + COARSE + 1;

class Histogram {
  constructor() { this.counts = new Float64Array(SIZE); this.n = 0; this.max = 0; this.sum = 0; }
  record(ms) {
    if (!(ms >= 0)) ms = 0; // clocks of two processes: a few microseconds early reads as 0
    let i;
    if (ms < FINE_MAX) i = Math.floor(ms / FINE_STEP);
    else if (ms < COARSE_MAX) i = FINE + Math.floor((ms - FINE_MAX) / COARSE_STEP);
    else i = SIZE - 1;
    this.counts[i]++; this.n++; this.sum += ms;
    if (ms > this.max) this.max = ms;
  }
  merge(o) {
    for (let i = 0; i < SIZE; i++) this.counts[i] += o.counts[i];
    this.n += o.n; this.sum += o.sum; if (o.max > this.max) this.max = o.max;
  }
  // Upper edge of the bucket holding the q-quantile (never below the true value).
  quantile(q) {
    if (this.n === 0) return 0;
    const target = Math.ceil(q * this.n);
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i];
      if (seen >= target) {
        const edge = i < FINE ? (i + 1) * FINE_STEP : i < SIZE - 1 ? FINE_MAX + (i - FINE + 1) * COARSE_STEP : this.max;
        return Math.min(edge, this.max);
      }
    }
    return this.max;
  }
  toJSON() {
    // Sparse form for IPC: [index, count] pairs.
    const pairs = [];
    for (let i = 0; i < SIZE; i++) if (this.counts[i] > 0) pairs.push(i, this.counts[i]);
    return { pairs, n: this.n, max: this.max, sum: this.sum };
  }
  static fromJSON(j) {
    const h = new Histogram();
    for (let k = 0; k < j.pairs.length; k += 2) h.counts[j.pairs[k]] = j.pairs[k + 1];
    h.n = j.n; h.max = j.max; h.sum = j.sum;
    return h;
  }
}

module.exports = { Histogram };
