#!/usr/bin/env bash
# The one command that runs every test: installs what the tests need, runs them, prints one summary line.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter PostgresServer
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo when it exists, else explains what is missing.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

# Installs Debian packages; the mirror sometimes drops a download mid-install, so the install is tried twice.
apt_install() {
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    || { say "apt-get install failed, retrying once"; sleep 5; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || fail "dotnet was not found on PATH. Install the .NET 10 SDK (see global.json) and run ./test.sh again."
}

# Tests start real PostgreSQL servers from the machine's own binaries (tests/GhStats.Testing/Postgres).
ensure_postgres() {
  if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
    || { command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; }; then
    return 0
  fi
  say "installing PostgreSQL server binaries (apt)"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    fail "PostgreSQL server binaries (initdb, pg_ctl) are missing and this is not root without sudo. Install them with: apt-get install postgresql"
  fi
  apt_install postgresql
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
    || fail "installed the postgresql package but found no /usr/lib/postgresql/*/bin/initdb"
}

# Browser tests (tests/GhStats.Testing/Browser) drive Debian's Chromium through Playwright; Playwright's own browser
# download is never used. GHSTATS_TEST_CHROMIUM may name another Chromium or Chrome instead. Screenshots need at least
# one font, or every glyph renders as a box, and a CJK font for the Japanese pages (Debian's Noto CJK).
ensure_chromium() {
  local missing=()
  [ -x "${GHSTATS_TEST_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null)" ]; then
    missing+=(fonts-dejavu-core)
  fi
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
    missing+=(fonts-noto-cjk)
  fi
  [ "${#missing[@]}" -eq 0 ] && return 0

  say "installing ${missing[*]} (apt) for the browser tests"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    fail "the browser tests need ${missing[*]}, not installed, and this is not root without sudo. Install with: apt-get install --no-install-recommends ${missing[*]}"
  fi
  apt_install "${missing[@]}"
  [ -x "${GHSTATS_TEST_CHROMIUM:-/usr/bin/chromium}" ] \
    || fail "installed ${missing[*]} but ${GHSTATS_TEST_CHROMIUM:-/usr/bin/chromium} is still missing"
  [ -n "$(fc-list :lang=ja 2>/dev/null)" ] \
    || fail "installed ${missing[*]} but fontconfig finds no Japanese font (fc-list :lang=ja is empty): the Japanese screenshots would show boxes. Install one with: apt-get install --no-install-recommends fonts-noto-cjk"
}

# Tests start node programs: the OpenID Connect test provider (tests/GhStats.Testing/Oidc/provider, oidc-provider 9),
# which needs Node.js 20.19 or later.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js and npm (apt)"
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
      fail "node and npm are missing and this is not root without sudo. Install Node.js 20.19 or later with npm (apt-get install nodejs npm, where the distribution's is new enough)."
    fi
    apt_install nodejs npm
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
      || fail "installed the nodejs and npm packages but node or npm is still not on PATH"
  fi

  local version major minor
  version=$(node -p 'process.versions.node')
  major=${version%%.*}
  minor=${version#*.}
  minor=${minor%%.*}
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    fail "Node.js $version is too old: the OpenID Connect test provider (oidc-provider 9) needs 20.19 or later. Install a newer Node.js and run ./test.sh again."
  fi
}

# Node projects whose npm packages the tests need, relative to the repository root. Add a folder here when a
# test starts another node program or builds front-end assets.
NPM_FOLDERS=(
  tests/GhStats.Testing/Oidc/provider
  tests/GhStats.Testing/Browser/axe
)

# Runs `npm ci` in each of NPM_FOLDERS, except where node_modules was installed from the same package-lock.json:
# a stamp in node_modules holds the lock file's hash, so an unchanged folder costs nothing.
ensure_npm_packages() {
  local folder lock stamp wanted
  for folder in "${NPM_FOLDERS[@]}"; do
    lock="$folder/package-lock.json"
    [ -f "$lock" ] || fail "$lock is missing: run npm install in $folder and commit the lock file"
    stamp="$folder/node_modules/.ghstats-lock-sha256"
    wanted=$(sha256sum "$lock" | cut -d ' ' -f 1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
      continue
    fi

    say "npm ci in $folder"
    # The registry sometimes drops a download mid-install, so the install is tried twice.
    (cd "$folder" && npm ci --no-audit --no-fund) \
      || { say "npm ci failed, retrying once"; sleep 5; (cd "$folder" && npm ci --no-audit --no-fund); } \
      || fail "npm ci failed in $folder"
    printf '%s\n' "$wanted" >"$stamp"
  done
}

# Sums one <Counters> attribute over all .trx files in a folder.
trx_sum() {
  local attribute=$1 folder=$2
  { grep -oh "<Counters [^>]*>" "$folder"/*.trx || true; } \
    | { grep -o " $attribute=\"[0-9]*\"" || true; } \
    | { grep -o '[0-9][0-9]*' || true; } \
    | awk '{ sum += $1 } END { print sum + 0 }'
}

run_tests() {
  local results
  results=$(mktemp -d "${TMPDIR:-/tmp}/ghstats-test-results.XXXXXX")
  say "dotnet test GhStats.slnx (results in $results)"
  local status=0
  dotnet test GhStats.slnx --logger "trx" --results-directory "$results" "$@" || status=$?

  if ! compgen -G "$results/*.trx" >/dev/null; then
    echo "test.sh: dotnet test produced no .trx results in $results (did the build fail?)" >&2
    echo "tests: 0 passed, 0 failed, 0 skipped"
    exit $((status == 0 ? 1 : status))
  fi

  local total executed passed failed skipped
  total=$(trx_sum total "$results")
  executed=$(trx_sum executed "$results")
  passed=$(trx_sum passed "$results")
  failed=$(( $(trx_sum failed "$results") + $(trx_sum error "$results") + $(trx_sum timeout "$results") + $(trx_sum aborted "$results") ))
  skipped=$((total - executed))
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then
    status=1
  fi
  exit "$status"
}

ensure_dotnet
ensure_postgres
ensure_chromium
ensure_node
ensure_npm_packages
run_tests "$@"
