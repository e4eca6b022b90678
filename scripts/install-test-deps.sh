#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: PostgreSQL
# server binaries (initdb, pg_ctl) and Chromium for the browser tests.
# Idempotent: does nothing when both are present.
set -euo pipefail
need=()
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then need+=(postgresql); fi
if ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The PostgreSQL tests (internal/store/postgres/pgtest) run initdb and pg_ctl
# as the unprivileged "postgres" user when the tests run as root, since
# PostgreSQL refuses to run as root. Debian's package creates that user; make
# sure it exists even when the binaries came some other way.
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "install-test-deps: creating the postgres system user" >&2
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
if ! command -v runuser >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "install-test-deps: runuser (util-linux) is missing; the PostgreSQL tests need it when run as root" >&2
  exit 1
fi
