#!/usr/bin/env bash
# Sets up a machine that has only Node (>= 20.19) and npm: pnpm, the project's
# dependencies and, with --browser, Debian's Chromium for the browser tests.
# Each step runs only when what it installs is missing, so running it again is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Teach-in needs Node 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }'

pnpm_version=10.34.9
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "setup: installing pnpm $pnpm_version"
  # --force replaces a corepack shim, which cannot run here (no registry signatures).
  npm install --global --force "pnpm@$pnpm_version" >/dev/null
fi

echo "setup: installing dependencies"
pnpm install --frozen-lockfile --reporter=silent

if [ "${1:-}" = "--browser" ]; then
  chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium_path" ]; then
    echo "setup: installing Debian's chromium"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  fi
  "$chromium_path" --version
fi

# The LTI tool's tests run against a real PostgreSQL 15 too (packages/lti-tool/test-support/postgres.ts).
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  echo "setup: installing Debian's postgresql"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi
