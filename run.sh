#!/usr/bin/env bash
# Runs one LiveCasino node on the embedded SQLite store with a demo studio (http://localhost:5080).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f src/LiveCasino.Server/LiveCasino.Server.csproj ]; then
    echo "run.sh: the node (src/LiveCasino.Server) is not built yet: it arrives with issue #6 (the edge)." >&2
    echo "run.sh: what runs today: ./test.sh, and the benchmarks in bench/ (see docs/kernel.md)." >&2
    exit 1
fi
# dotnet run starts in the project folder: keep the node's files in ./data at the root (override with
# LIVECASINO_DATA, or any setting with --LiveCasino:Section:Key=value after ./run.sh).
exec dotnet run -c Release --project src/LiveCasino.Server -- --LiveCasino:Node:DataDirectory="${LIVECASINO_DATA:-$PWD/data}" "$@"
