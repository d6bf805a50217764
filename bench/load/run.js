'use strict';
// The load harness: starts each server under test as its own process (the LiveCasino node in bench
// mode, a socket.io peer, a Colyseus peer), drives it from forked load-generator workers, reads the
// server's CPU and memory from /proc, and writes the figures as JSON (the C# bench renders them).
//
//   node run.js fanout   [--quick] --server-dll <LiveCasino.Server.dll> [--out file.json]
//   node run.js betstorm [--quick] --server-dll <LiveCasino.Server.dll> [--out file.json]
// Options: --viewers 1000,5000,10000 --tables 1,50 --rate 10 --seconds 10 --targets livecasino,socketio,colyseus
//          --players 2000 --bet-rate 20000 --workers 2 --addresses 4
const { fork, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { Histogram } = require('./lib/hist');
const { cpuSeconds, rssKb, machine } = require('./lib/proc');
const { nowMs } = require('./lib/payload');

const argv = process.argv.slice(2);
const scenario = argv[0];
const quick = argv.includes('--quick');
const opt = (k, d) => { const i = argv.indexOf('--' + k); return i >= 0 ? argv[i + 1] : d; };
const list = (k, d) => String(opt(k, d)).split(',').filter(Boolean);
const log = (...a) => console.error('[load]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const WORKERS = Number(opt('workers', 2));
const ADDRESSES = Array.from({ length: Number(opt('addresses', 4)) }, (_, i) => `127.0.0.${i + 1}`);

function freePort() {
  return new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

async function http(method, url, body) {
  const res = await fetch(url, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

// ---- servers under test --------------------------------------------------------------------
async function startTarget(kind) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child, ready;
  if (kind === 'livecasino') {
    const dll = opt('server-dll');
    if (!dll || !fs.existsSync(dll)) throw new Error(`--server-dll ${dll} not found (build src/LiveCasino.Server -c Release)`);
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'));
    const env = {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Logging__LogLevel__Default: 'Warning',
      LiveCasino__Http__Host: '127.0.0.1',
      LiveCasino__Http__Port: String(port),
      LiveCasino__Node__DataDirectory: data,
      LiveCasino__Demo__Enabled: 'false',
      LiveCasino__Bench__Enabled: 'true',
      LiveCasino__Hubs__ConnectionsPerAccountMax: '1000',
      LiveCasino__Hubs__BetsPerSecond: '10000',
      LiveCasino__Hubs__BetBurst: '100000',
      LiveCasino__Hubs__MessagesPerSecond: '10000',
      LiveCasino__Hubs__MessageBurst: '100000',
      LiveCasino__Metrics__Enabled: 'true',
    };
    child = spawn('dotnet', [dll], { cwd: path.dirname(dll), env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.dataDir = data;
    ready = `${url}/health/ready`;
  } else {
    const script = path.join(__dirname, 'peers', kind === 'socketio' ? 'socketio-server.js' : 'colyseus-server.js');
    child = spawn(process.execPath, [script, '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    ready = `${url}/bench/emit`;
  }
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}`);
    try { const r = await fetch(ready); if (r.ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${kind} not ready after 60 s`);
    await sleep(200);
  }
  return { kind, url, pid: child.pid, child };
}

async function stopTarget(t) {
  t.child.kill('SIGTERM');
  const deadline = Date.now() + 10000;
  while (t.child.exitCode === null && t.child.signalCode === null && Date.now() < deadline) await sleep(100);
  if (t.child.exitCode === null && t.child.signalCode === null) t.child.kill('SIGKILL');
  if (t.child.dataDir) fs.rmSync(t.child.dataDir, { recursive: true, force: true });
}

// ---- load-generator workers ----------------------------------------------------------------
class Workers {
  constructor(n) {
    this.procs = Array.from({ length: n }, () => fork(path.join(__dirname, 'lib', 'worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    this.seq = 0; this.waiting = new Map();
    for (const p of this.procs) p.on('message', (m) => { const w = this.waiting.get(m.id); if (w) { this.waiting.delete(m.id); m.error ? w.reject(new Error(m.error)) : w.resolve(m); } });
  }
  ask(i, msg) { const id = ++this.seq; return new Promise((resolve, reject) => { this.waiting.set(id, { resolve, reject }); this.procs[i].send({ ...msg, id }); }); }
  all(fn) { return Promise.all(this.procs.map((_, i) => this.ask(i, fn(i)))); }
  stop() { for (const p of this.procs) p.kill(); }
}

function split(items, n) { const out = Array.from({ length: n }, () => []); items.forEach((it, i) => out[i % n].push(it)); return out; }

// ---- fanout --------------------------------------------------------------------------------
async function fanoutCase(kind, tables, viewers, p) {
  const t = await startTarget(kind);
  const w = new Workers(WORKERS);
  try {
    const tableIds = await http('POST', `${t.url}/bench/tables`, { count: tables, game: 'roulette', windowSeconds: 60, betsPerPlayerPerRound: 1 });
    const items = [];
    if (kind === 'livecasino') {
      const accounts = await http('POST', `${t.url}/bench/players`, { prefix: `v${tables}x`, count: Math.ceil(viewers / 1000), fundMinor: 0 });
      for (let i = 0; i < viewers; i++) items.push({ token: accounts[i % accounts.length].token, table: tableIds[i % tables] });
    } else if (kind === 'colyseus') {
      const per = tableIds.map((table, ti) => Math.floor(viewers / tables) + (ti < viewers % tables ? 1 : 0));
      const seats = await Promise.all(tableIds.map((table, ti) => http('POST', `${t.url}/bench/seats`, { table, count: per[ti] })));
      for (let i = 0; i < viewers; i++) items.push({ seat: seats[i % tables][Math.floor(i / tables)], table: tableIds[i % tables] });
    } else {
      for (let i = 0; i < viewers; i++) items.push({ table: tableIds[i % tables] });
    }
    const rss0 = rssKb(t.pid);
    const started = nowMs();
    const shares = split(items, WORKERS);
    const joined = await w.all((i) => ({ cmd: 'connect', kind: kind === 'livecasino' ? 'signalr' : kind, url: t.url, items: shares[i], localAddresses: ADDRESSES, concurrency: 100 }));
    const ok = joined.reduce((s, r) => s + r.ok, 0);
    log(`${kind} ${tables} table(s): ${ok}/${viewers} viewers joined in ${((nowMs() - started) / 1000).toFixed(1)} s`);
    await sleep(quick ? 300 : 1000);
    const rss1 = rssKb(t.pid);
    await w.all(() => ({ cmd: 'mark' }));
    const cpu0 = cpuSeconds(t.pid);
    await http('POST', `${t.url}/bench/emit`, { tables, rateHz: p.rate, warmup: p.warmup, ticks: p.ticks, pad: p.pad });
    let status;
    let rss2 = 0;
    do { await sleep(250); status = await http('GET', `${t.url}/bench/emit`); rss2 = Math.max(rss2, rssKb(t.pid)); } while (status.running);
    await sleep(quick ? 500 : 1000); // let the last events drain
    const cpu1 = cpuSeconds(t.pid);
    const reports = await w.all(() => ({ cmd: 'report' }));
    const h = new Histogram();
    let received = 0, warm = 0, errors = 0, clientCpu = 0;
    for (const r of reports) { h.merge(Histogram.fromJSON(r.hist)); received += r.received; warm += r.warm; errors += r.errors; clientCpu += r.cpuSeconds; }
    const expected = viewers * p.ticks;
    const seconds = p.ticks / p.rate;
    const serverCpu = cpu1 - cpu0;
    const result = {
      target: kind, tables, viewers, joined: ok, seconds, rateHz: p.rate, payloadPad: p.pad,
      delivered: received, expected, reach: received / expected, deliveredPerS: received / seconds,
      p50: h.quantile(0.5), p99: h.quantile(0.99), max: h.max, mean: h.n ? h.sum / h.n : 0,
      serverCpuS: serverCpu, perCpuS: (received + warm) / Math.max(serverCpu, 0.001), serverCores: serverCpu / (seconds + p.warmup / p.rate + 1),
      clientCpuS: clientCpu, rssBaseMb: rss0 / 1024, rssMb: Math.max(rss1, rss2) / 1024, kbPerViewer: (Math.max(rss1, rss2) - rss0) / viewers,
      emitterLateMaxMs: status.lateMaxMs, errors,
    };
    log(JSON.stringify(result));
    await w.all(() => ({ cmd: 'close' }));
    return result;
  } finally {
    w.stop();
    await stopTarget(t);
  }
}

async function fanout() {
  const viewersList = list('viewers', quick ? '1000' : '1000,5000,10000').map(Number);
  const tablesList = list('tables', '1,50').map(Number);
  const targets = list('targets', 'livecasino,socketio,colyseus');
  const rate = Number(opt('rate', 10));
  const p = { rate, warmup: Math.round(rate * (quick ? 0.5 : 2)), ticks: Math.round(rate * Number(opt('seconds', quick ? 2 : 10))), pad: Number(opt('pad', 64)) };
  const rows = [];
  for (const viewers of viewersList) {
    for (const tables of tablesList) {
      for (const kind of targets) rows.push(await fanoutCase(kind, tables, viewers, p));
    }
  }
  return { scenario: 'fanout', quick, params: p, rows };
}

// ---- betstorm ------------------------------------------------------------------------------
async function betstorm() {
  const players = Number(opt('players', quick ? 1000 : 2000));
  const rate = Number(opt('bet-rate', 20000));
  const seconds = Number(opt('seconds', quick ? 3 : 8));
  const warmBets = Math.round(rate * (quick ? 0.5 : 1));
  const bets = rate * seconds;
  const perPlayer = Math.ceil((bets + warmBets) / players) + 10;
  const t = await startTarget('livecasino');
  const w = new Workers(WORKERS);
  try {
    const [tableId] = await http('POST', `${t.url}/bench/tables`, { count: 1, game: 'roulette', windowSeconds: seconds * 4 + 60, betsPerPlayerPerRound: perPlayer });
    const started = nowMs();
    const accounts = await http('POST', `${t.url}/bench/players`, { prefix: 'storm', count: players, fundMinor: 100_000_000 });
    log(`${players} players provisioned in ${((nowMs() - started) / 1000).toFixed(1)} s`);
    const shares = split(accounts.map((a) => ({ token: a.token })), WORKERS);
    const joined = await w.all((i) => ({ cmd: 'connect', kind: 'signalr', url: t.url, items: shares[i], localAddresses: ADDRESSES, concurrency: 100 }));
    log(`${joined.reduce((s, r) => s + r.ok, 0)}/${players} players connected`);
    const opened = await http('POST', `${t.url}/bench/tables/${tableId}/open`);
    if (!opened.ok) throw new Error('round not opened: ' + opened.detail);
    const run = async (count) => {
      const startAt = nowMs() + 200;
      await w.all((i) => ({ cmd: 'storm', tableId, roundNo: opened.roundNo, rate: rate / WORKERS, count: Math.floor(count / WORKERS), startAt, worker: i }));
      return startAt;
    };
    await run(warmBets);
    const warmDeadline = nowMs() + 30000;
    do { await sleep(250); } while ((await w.all(() => ({ cmd: 'report' }))).some((r) => r.pending > 0) && nowMs() < warmDeadline);
    await w.all(() => ({ cmd: 'mark' }));
    const cpu0 = cpuSeconds(t.pid);
    const sentBefore = (await w.all(() => ({ cmd: 'report' }))).map((r) => ({ sent: r.betsSent, accepted: r.betsAccepted, rejections: r.rejections }));
    const startAt = await run(bets);
    let reports;
    const deadline = nowMs() + 15000;
    do { await sleep(250); reports = await w.all(() => ({ cmd: 'report' })); } while (reports.some((r) => r.pending > 0) && nowMs() < deadline);
    const doneAt = Math.max(...reports.map((r) => r.lastReplyAt));
    const cpu1 = cpuSeconds(t.pid);
    const h = new Histogram();
    let accepted = 0, sent = 0, clientCpu = 0, pending = 0; const rejections = {};
    reports.forEach((r, i) => {
      h.merge(Histogram.fromJSON(r.betHist));
      accepted += r.betsAccepted - sentBefore[i].accepted; sent += r.betsSent - sentBefore[i].sent; clientCpu += r.cpuSeconds; pending += r.pending;
      for (const [k, v] of Object.entries(r.rejections)) rejections[k] = (rejections[k] || 0) + v - (sentBefore[i].rejections[k] || 0);
    });
    const rejected = Object.values(rejections).reduce((s, v) => s + v, 0);
    const metrics = await (await fetch(`${t.url}/metrics`)).text().catch(() => '');
    if (opt('metrics-out')) fs.writeFileSync(opt('metrics-out'), metrics);
    const result = {
      players, offeredPerS: rate, seconds, sent, accepted, rejected, rejections, timedOut: pending,
      acceptedPerS: accepted / Math.max(seconds, (doneAt - startAt) / 1000), p50: h.quantile(0.5), p99: h.quantile(0.99), max: h.max,
      drainS: (doneAt - startAt) / 1000 - seconds, serverCpuS: cpu1 - cpu0, clientCpuS: clientCpu, rssMb: rssKb(t.pid) / 1024,
      journal: metrics.split('\n').filter((l) => /journal|mailbox/.test(l) && !l.startsWith('#')).slice(0, 12),
    };
    log(JSON.stringify(result));
    return { scenario: 'betstorm', quick, rows: [result] };
  } finally {
    w.stop();
    await stopTarget(t);
  }
}

(async () => {
  const started = Date.now();
  const out = scenario === 'fanout' ? await fanout() : scenario === 'betstorm' ? await betstorm() : null;
  if (!out) { console.error('usage: node run.js fanout|betstorm [--quick] --server-dll <dll> [--out file]'); process.exit(2); }
  out.machine = machine();
  out.elapsedS = (Date.now() - started) / 1000;
  const text = JSON.stringify(out, null, 1);
  if (opt('out')) fs.writeFileSync(opt('out'), text); else console.log(text);
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
