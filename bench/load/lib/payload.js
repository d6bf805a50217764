'use strict';
// The synthetic table state event every server sends, and a cheap reader of it. The LiveCasino
// node builds the same object in C# (src/LiveCasino.Server/Bench/BenchTick.cs).

function tick(table, seq, at, phase, pad) {
  return { table, seq, at, phase, pad };
}

// Reads seq/at/phase from JSON text without a full parse (same code for SignalR and socket.io).
function numberAfter(text, key, from) {
  const i = text.indexOf(key, from);
  if (i < 0) return NaN;
  let j = i + key.length, k = j;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 101 || c === 43) k++; else break;
  }
  return Number(text.slice(j, k));
}

function readTickJson(text, from) {
  return { seq: numberAfter(text, '"seq":', from), at: numberAfter(text, '"at":', from), phase: numberAfter(text, '"phase":', from) };
}

// Wall-clock milliseconds with sub-millisecond resolution (same clock as the server's UtcNow).
const origin = performance.timeOrigin;
function nowMs() { return origin + performance.now(); }

module.exports = { tick, readTickJson, nowMs };
