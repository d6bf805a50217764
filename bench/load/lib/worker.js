'use strict';
// A load-generator process (forked by run.js): holds its share of the client connections to one
// server and records what they receive. Speaks each server's wire protocol over the `ws` package
// directly (SignalR JSON hub protocol, Engine.IO/socket.io, Colyseus), so the clients are as cheap
// as they can be and the same code reads the same payload for every server.
const WebSocket = require('ws');
const { unpack } = require('@colyseus/msgpackr');
const { Histogram } = require('./hist');
const { readTickJson, nowMs } = require('./payload');

const RS = '\x1e';
let conns = [];
let hist = new Histogram();
let betHist = new Histogram();
let received = 0, warm = 0, errors = 0, closed = 0;
let betsSent = 0, betsAccepted = 0, lastReplyAt = 0; const rejections = {};
let cpuMark = process.cpuUsage();
const pendingBets = new Map(); // invocationId -> scheduled time

function onTick(seq, at, phase) {
  if (phase === 1) { received++; hist.record(nowMs() - at); } else warm++;
}

// ---- SignalR JSON hub protocol -------------------------------------------------------------
function signalr(c, url, token, table, localAddress) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/hubs/player?access_token=${encodeURIComponent(token)}`, { localAddress, perMessageDeflate: false });
    let handshaken = false, nextId = 1;
    const waiting = new Map();
    c.ws = ws;
    c.invoke = (target, args) => new Promise((res) => {
      const id = String(nextId++);
      waiting.set(id, res);
      ws.send(`{"type":1,"invocationId":"${id}","target":"${target}","arguments":${JSON.stringify(args)}}${RS}`);
    });
    c.ping = () => { if (ws.readyState === 1) ws.send(`{"type":6}${RS}`); };
    ws.on('open', () => ws.send(`{"protocol":"json","version":1}${RS}`));
    ws.on('message', (data) => {
      const text = data.toString();
      let from = 0;
      while (from < text.length) {
        let end = text.indexOf(RS, from);
        if (end < 0) end = text.length;
        if (!handshaken) {
          handshaken = true;
          if (table) c.invoke('JoinTable', [table]).then((r) => resolve(r.indexOf('"ok":true') >= 0)); else resolve(true);
        } else if (text.startsWith('{"type":1,"target":"benchTick"', from)) {
          const t = readTickJson(text, from);
          onTick(t.seq, t.at, t.phase);
        } else if (text.startsWith('{"type":3,"invocationId":"', from)) {
          const q = text.indexOf('"', from + 26);
          const id = text.slice(from + 26, q);
          const record = text.slice(from, end);
          if (waiting.has(id)) { const w = waiting.get(id); waiting.delete(id); w(record); } else if (pendingBets.has(id + '@' + c.index)) betDone(id + '@' + c.index, record);
        } else if (text.startsWith('{"type":7', from)) {
          errors++;
        }
        from = end + 1;
      }
    });
    c.sendBet = (key, invocationId, body) => {
      ws.send(`{"type":1,"invocationId":"${invocationId}","target":"PlaceBet","arguments":[${body}]}${RS}`);
    };
    ws.on('error', () => { errors++; resolve(false); });
    ws.on('close', () => { closed++; resolve(false); });
  });
}

function betDone(key, record) {
  const at = pendingBets.get(key);
  pendingBets.delete(key);
  const now = nowMs();
  lastReplyAt = now;
  betHist.record(now - at);
  if (record.indexOf('"outcome":"accepted"') >= 0) betsAccepted++;
  else {
    const m = /"reason":"([^"]*)"/.exec(record) || /"error":"([^"]{0,60})/.exec(record);
    const reason = m ? m[1] : 'unknown';
    rejections[reason] = (rejections[reason] || 0) + 1;
  }
}

// ---- socket.io (Engine.IO v4 over WebSocket) -----------------------------------------------
function socketio(c, url, table, localAddress) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { localAddress, perMessageDeflate: false });
    c.ws = ws;
    c.ping = () => {};
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('42["benchTick"')) { const t = readTickJson(text, 0); onTick(t.seq, t.at, t.phase); }
      else if (text === '2') ws.send('3');
      else if (text.startsWith('0{')) ws.send('40');
      else if (text.startsWith('40')) ws.send(`421${JSON.stringify(['join', table])}`);
      else if (text.startsWith('431')) resolve(true);
      else if (text.startsWith('44')) { errors++; resolve(false); }
    });
    ws.on('error', () => { errors++; resolve(false); });
    ws.on('close', () => { closed++; resolve(false); });
  });
}

// ---- Colyseus 0.16 -------------------------------------------------------------------------
function colyseus(c, url, seat, localAddress) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}${seat.path}?sessionId=${seat.sessionId}`, { localAddress, perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    c.ws = ws;
    c.ping = () => {};
    ws.on('message', (buf) => {
      const code = buf[0];
      if (code === 13) { // ROOM_DATA: type (msgpack str) then the msgpack payload
        const b = buf[1];
        let off, len;
        if ((b & 0xe0) === 0xa0) { len = b & 0x1f; off = 2; } else if (b === 0xd9) { len = buf[2]; off = 3; } else { errors++; return; }
        const m = unpack(buf.subarray(off + len));
        onTick(m.seq, m.at, m.phase);
      } else if (code === 10) { ws.send(Buffer.from([10])); resolve(true); }
      else if (code === 11) { errors++; resolve(false); }
    });
    ws.on('error', () => { errors++; resolve(false); });
    ws.on('close', () => { closed++; resolve(false); });
  });
}

async function connectAll(msg) {
  const { kind, url, items, localAddresses, concurrency } = msg;
  let ok = 0, failed = 0, next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      const it = items[i];
      const c = { index: conns.length };
      conns.push(c);
      const la = localAddresses[i % localAddresses.length];
      const joined = kind === 'signalr' ? await signalr(c, url, it.token, it.table, la)
        : kind === 'socketio' ? await socketio(c, url, it.table, la)
          : await colyseus(c, url, it.seat, la);
      if (joined) ok++; else failed++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { ok, failed };
}

// Open loop: bet i is due at start + i / rate, whatever happened to the bets before it.
function storm(msg) {
  return new Promise((resolve) => {
    const { tableId, roundNo, rate, count, startAt, worker } = msg;
    const period = 1000 / rate;
    let i = 0;
    function step() {
      const now = nowMs();
      while (i < count && startAt + i * period <= now) {
        const c = conns[i % conns.length];
        const id = `b${i}`;
        const body = `{"tableId":"${tableId}","roundNo":${roundNo},"betId":"w${worker}x${i}","lines":[{"spot":"red","amount":100}]}`;
        pendingBets.set(id + '@' + c.index, startAt + i * period);
        c.sendBet(id, id, body);
        betsSent++;
        i++;
      }
      if (i >= count) return resolve();
      setTimeout(step, Math.max(0, startAt + i * period - nowMs() - 0.5));
    }
    setTimeout(step, Math.max(0, startAt - nowMs()));
  });
}

const keepAlive = setInterval(() => { for (const c of conns) c.ping && c.ping(); }, 10000);
keepAlive.unref();

process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'connect') process.send({ id: msg.id, ...(await connectAll(msg)) });
    else if (msg.cmd === 'mark') { hist = new Histogram(); betHist = new Histogram(); received = 0; warm = 0; cpuMark = process.cpuUsage(); process.send({ id: msg.id }); }
    else if (msg.cmd === 'storm') { await storm(msg); process.send({ id: msg.id, sent: betsSent }); }
    else if (msg.cmd === 'report') {
      const cpu = process.cpuUsage(cpuMark);
      process.send({ id: msg.id, received, warm, errors, closed, hist: hist.toJSON(), betHist: betHist.toJSON(), betsSent, betsAccepted, rejections, pending: pendingBets.size, lastReplyAt, cpuSeconds: (cpu.user + cpu.system) / 1e6, open: conns.filter((c) => c.ws && c.ws.readyState === 1).length });
    } else if (msg.cmd === 'close') {
      for (const c of conns) if (c.ws) c.ws.terminate();
      conns = [];
      process.send({ id: msg.id });
    }
  } catch (e) {
    process.send({ id: msg.id, error: String(e && e.stack || e) });
  }
});
