#!/usr/bin/env bash
# The load test of docs/PERFORMANCE.md: gunicorn + PostgreSQL + Redis + one
# Celery worker, seeded with 100,000 claims, under 20 simulated editors.
#
#   loadtest/run.sh                  # USERS=20 DURATION=120s by default
#
# Only loopback traffic; every process it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-20}
DURATION=${DURATION:-120s}
PORT=${LOAD_PORT:-8090}
CLAIMS=${CLAIMS:-100000}
PG=${PG_URL:-postgres://postgres@127.0.0.1:5432}
# gunicorn's own rule for sync workers: two per core plus one, so a process
# waiting on PostgreSQL never leaves a core idle.
WEB_WORKERS=${WEB_WORKERS:-$(( 2 * $(nproc) + 1 ))}

# Development settings with debug off: plain HTTP on loopback, no query logging.
export DJANGO_ENV=development DJANGO_DEBUG=0 DJANGO_LOG_LEVEL=WARNING
export DATABASE_URL=${DATABASE_URL:-$PG/factcheck_load}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/14}
export CELERY_TASK_DEFAULT_QUEUE=factcheck-load
export LOADTEST_PLAN=var/loadtest-plan.json
PY=.venv/bin/python

make install >/dev/null
$PY -m pip install --quiet -e '.[load]'
psql "$PG/postgres" -tc "SELECT 1 FROM pg_database WHERE datname = 'factcheck_load'" | grep -q 1 \
  || psql "$PG/postgres" -c "CREATE DATABASE factcheck_load" >/dev/null
$PY manage.py migrate --noinput -v0
echo "== seeding $CLAIMS claims (kept between runs)"
$PY manage.py bench_screens --claims "$CLAIMS" --runs 1 | tail -n 1
$PY loadtest/prepare.py --users "$USERS" --plan "$LOADTEST_PLAN"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
.venv/bin/gunicorn factcheck.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WEB_WORKERS" \
  --log-level warning >var/loadtest-gunicorn.log 2>&1 & pids+=($!)
# The worker runs niced: extraction is background work and must not take a
# core from an editor's request (it still gets every idle cycle).
nice -n 10 .venv/bin/celery -A factcheck worker --concurrency=1 --loglevel=WARNING \
  >var/loadtest-worker.log 2>&1 & pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

# Statistics restart once every editor has logged in (see the locustfile): the
# figures are the steady working day, not twenty simultaneous password checks.
echo "== $USERS editors for $DURATION against gunicorn ($WEB_WORKERS processes) on $(nproc) cores"
.venv/bin/locust -f loadtest/locustfile.py --headless -u "$USERS" -r 5 -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --only-summary --csv var/loadtest --exit-code-on-error 0 \
  2>&1 \
  | sed -n '/Response time percentiles/,$p;/Name /,/Aggregated/p'
echo "== extraction throughput (1 worker)"
$PY loadtest/throughput.py --articles 30 --workers 1
echo "== per action (p50/p95/p99 ms, requests, failures): var/loadtest_stats.csv"
$PY - <<'PYEOF'
import csv
for row in csv.DictReader(open("var/loadtest_stats.csv")):
    print(f"{row['Name']:<16} p50 {row['50%']:>5}  p95 {row['95%']:>5}  p99 {row['99%']:>5}"
          f"  requests {row['Request Count']:>6}  failures {row['Failure Count']}")
PYEOF
