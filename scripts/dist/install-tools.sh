#!/usr/bin/env bash
# Installs what the distribution tests (test/dist: npm package, pre-commit, Neovim, SARIF
# validator) need and a fresh machine lacks. Idempotent: a re-run only checks.
#   - Debian packages: pre-commit (with nodeenv), neovim (0.7 on Debian 12);
#   - Microsoft's SARIF validator (npm @microsoft/sarif-multitool, a self-contained .NET binary that
#     runs offline) into <repo>/.vscode-test/dist-tools (git-ignored).
# env: DIST_TOOLS_DIR (default <repo>/.vscode-test/dist-tools)  SKIP_APT=1  SARIF_MULTITOOL_VERSION (5.7.0)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${DIST_TOOLS_DIR:-$REPO/.vscode-test/dist-tools}
SARIF_MULTITOOL_VERSION=${SARIF_MULTITOOL_VERSION:-5.7.0}
APT_PKGS="pre-commit neovim git"

# shellcheck source=../lib/apt-ensure.sh
. "$REPO/scripts/lib/apt-ensure.sh"
# shellcheck disable=SC2086
apt_ensure "[dist-tools]" $APT_PKGS

BIN="$DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$BIN" ] || ! grep -qx "$SARIF_MULTITOOL_VERSION" "$DIR/.installed" 2>/dev/null; then
  mkdir -p "$DIR"
  [ -f "$DIR/package.json" ] || echo '{ "name": "podsight-dist-tools", "private": true }' > "$DIR/package.json"
  echo "[dist-tools] npm install @microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION (about 100 MB)"
  ( cd "$DIR" && npm install --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" )
  # Its postinstall (chmod) may be skipped by npm's install-script policy.
  chmod u+x "$BIN"
  echo "$SARIF_MULTITOOL_VERSION" > "$DIR/.installed"
fi
echo "[dist-tools] ready: pre-commit $(pre-commit --version | cut -d' ' -f2), $(nvim --version | head -1), sarif-multitool $SARIF_MULTITOOL_VERSION"
