'use strict';
// The peers' control endpoint (loopback): make tables, reserve seats, start and poll an emission.
function control(server, impl) {
  let status = null;
  server.on('request', (req, res) => {
    if (!req.url.startsWith('/bench/')) return; // socket.io and the matchmaker answer their own
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const reply = (code, body) => { res.writeHead(code, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
      try {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
        if (req.url === '/bench/tables' && req.method === 'POST') return reply(200, await impl.tables(body.count));
        if (req.url === '/bench/seats' && req.method === 'POST') return reply(200, await impl.seats(body.table, body.count));
        if (req.url === '/bench/emit' && req.method === 'POST') {
          if (status && status.running) return reply(409, 'an emission is running');
          const tables = Array.from({ length: body.tables }, (_, i) => `bench-${i}`);
          status = impl.emit(body, tables);
          return reply(200, status);
        }
        if (req.url === '/bench/emit' && req.method === 'GET') return reply(200, status || { running: false, emitted: 0 });
        if (req.url === '/health') return reply(200, 'ok');
        reply(404, 'not found');
      } catch (e) {
        reply(500, String(e && e.stack || e));
      }
    });
  });
}
module.exports = { control };
