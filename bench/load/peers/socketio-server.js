'use strict';
// Peer: a socket.io 4.8 server broadcasting each table's events to a room (one room per table),
// WebSocket transport only, no compression. Control over HTTP: POST /bench/emit, GET /bench/emit.
//   node peers/socketio-server.js --port 5301
const http = require('http');
const { Server } = require('socket.io');
const { emit } = require('../lib/schedule');
const { control } = require('./control');

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
const server = http.createServer();
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false, pingInterval: 15000, pingTimeout: 30000, maxHttpBufferSize: 32 * 1024 });

io.on('connection', (socket) => {
  socket.on('join', (table, ack) => {
    socket.join(String(table));
    if (typeof ack === 'function') ack(true);
  });
});

control(server, {
  tables(count) { return Array.from({ length: count }, (_, i) => `bench-${i}`); },
  emit(req, tables) {
    return emit(tables, req, (table, payload) => {
      io.to(table).emit('benchTick', payload);
      const room = io.sockets.adapter.rooms.get(table);
      return room ? room.size : 0;
    });
  },
});

server.listen(port, '127.0.0.1', () => console.log(`socket.io peer on ${port}`));
