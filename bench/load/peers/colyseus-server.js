'use strict';
// Peer: a Colyseus 0.16 server (@colyseus/core + @colyseus/ws-transport), one room per table,
// broadcasting each event with room.broadcast (encoded once, msgpack). Seats are reserved in bulk
// over the control endpoint (matchMaker.joinById, what the HTTP matchmake route calls) so that
// setting up 10,000 clients is not the measured part. Control: POST /bench/tables, /bench/seats, /bench/emit.
//   node peers/colyseus-server.js --port 5302
const http = require('http');
const { Server, Room, matchMaker } = require('@colyseus/core');
const { WebSocketTransport } = require('@colyseus/ws-transport');
const { emit } = require('../lib/schedule');
const { control } = require('./control');

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);

class TableRoom extends Room {
  onCreate(options) {
    this.autoDispose = false;
    this.maxClients = 1000000;
    this.table = options.table;
    this.setSeatReservationTime(300);
    this.onMessage('*', () => {});
  }
}

const rooms = new Map(); // table -> room
const server = http.createServer();
control(server, {
  async tables(count) {
    const ids = [];
    for (let i = 0; i < count; i++) {
      const table = `bench-${i}`;
      if (!rooms.has(table)) {
        const listing = await matchMaker.createRoom('table', { table });
        rooms.set(table, matchMaker.getLocalRoomById(listing.roomId));
      }
      ids.push(table);
    }
    return ids;
  },
  async seats(table, count) {
    const room = rooms.get(table);
    const out = [];
    for (let i = 0; i < count; i++) {
      const r = await matchMaker.joinById(room.roomId, {});
      out.push({ path: `/${r.room.processId}/${r.room.roomId}`, sessionId: r.sessionId });
    }
    return out;
  },
  emit(req, tables) {
    return emit(tables, req, (table, payload) => {
      const room = rooms.get(table);
      room.broadcast('benchTick', payload);
      return room.clients.length;
    });
  },
});

const gameServer = new Server({ transport: new WebSocketTransport({ server, pingInterval: 15000, pingMaxRetries: 2 }), greet: false });
gameServer.define('table', TableRoom);
gameServer.listen(port, '127.0.0.1').then(() => console.log(`colyseus peer on ${port}`));
