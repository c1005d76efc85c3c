#!/usr/bin/env bash
# Resilience scripts (PostgreSQL only; they stop the shared local server, so they are not part of
# `npm test`). PostgreSQL is started again at the end whatever happens.
set -u
cd "$(dirname "$0")/../.."
restart_pg() { pg_ctlcluster --skip-systemctl-redirect 15 main start 2>/dev/null || true; }
trap restart_pg EXIT INT TERM
# a build of the current tree (the e2e suite builds the same way)
SKIP_BUILD_TYPECHECK=1 npx next build >/dev/null || exit 1
rc=0
npx tsx bench/resilience/pg-stop.ts || rc=1
npx tsx bench/resilience/kill-app.ts || rc=1
exit $rc
