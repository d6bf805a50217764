'use strict';
// CPU and memory of a process from /proc (Linux): what the server under test costs.
const fs = require('fs');
const TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
}

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) : 0;
}

function machine() {
  const os = require('os');
  const cpus = os.cpus();
  let mem = 0;
  try { mem = Number(/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))[1]); } catch { /* not Linux */ }
  return { cpu: cpus[0] ? cpus[0].model : 'unknown', cores: cpus.length, memMb: Math.round(mem / 1024), kernel: os.release(), node: process.version };
}

module.exports = { cpuSeconds, rssKb, machine };
