# Sourced by the install scripts: apt_ensure PREFIX PKG... installs the Debian packages that are
# missing (as root), says which are missing otherwise, and does nothing when all are there or
# SKIP_APT is set. PREFIX labels the log line, e.g. "[dist-tools]".
apt_ensure() {
  local prefix=$1 missing="" p
  shift
  [ -z "${SKIP_APT:-}" ] || return 0
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -n "$missing" ] || return 0
  [ "$(id -u)" = 0 ] || { echo "missing apt packages:$missing (run as root or install them)" >&2; return 1; }
  echo "$prefix apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}
