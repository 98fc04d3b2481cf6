#!/usr/bin/env bash
# vigild as a user runs it: a real process on 127.0.0.1, checked from outside with curl, openssl,
# sslscan and the sqlcipher CLI. Covers issue 2's "Done means": HTTPS answers /system/info, TLS 1.2/1.3
# only (SEC-2.3), plain HTTP gets no data, the database is unreadable without its key, kill -9 loses
# nothing committed and the integrity check passes on restart, SIGTERM stops cleanly.
set -euo pipefail
vigild=${1:?usage: tst_vigild.sh PATH_TO_VIGILD}
work=$(mktemp -d)
pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

passed=0
failed=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   - $what"; else failed=$((failed + 1)); echo "FAIL - $what"; fi
}

data="$work/data"
port=""

start_vigild() {
  # --port 0: the kernel picks a free port; vigild prints the address it got.
  "$vigild" --data-dir "$data" --listen 127.0.0.1 --port 0 >"$work/out.log" 2>"$work/err.log" &
  pid=$!
  for _ in $(seq 1 100); do
    # "Stop with" is the last line vigild prints at start: the address and fingerprint lines are whole
    # by then (under load the log can be read while a line is being written).
    if grep -q "Stop with" "$work/out.log" 2>/dev/null; then
      port=$(sed -n 's/.*address: *https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/out.log")
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "vigild did not start:"; cat "$work/out.log" "$work/err.log"; return 1
}

start_vigild
fingerprint=$(sed -n 's/.*CA fingerprint: *//p' "$work/out.log")

# The CA is the last certificate of the chain the server presents; we pin it as a client would.
openssl s_client -connect "127.0.0.1:$port" -showcerts </dev/null 2>/dev/null |
  awk '/BEGIN CERT/{c=""} {c=c $0 "\n"} /END CERT/{last=c} END{printf "%s", last}' >"$work/ca.pem"
ca_fp=$(openssl x509 -in "$work/ca.pem" -noout -fingerprint -sha256 | sed 's/.*=//')
check "the printed CA fingerprint is the CA the server presents" test "$ca_fp" = "$fingerprint"

info=$(curl -sS --cacert "$work/ca.pem" "https://127.0.0.1:$port/api/v1/system/info")
server_id=$(grep -o '"serverId":"[^"]*"' <<<"$info" | cut -d'"' -f4)
check "GET /api/v1/system/info over HTTPS, verified against the pinned CA" test -n "$server_id"
check "the server certificate covers localhost too" \
  curl -sS -o /dev/null --cacert "$work/ca.pem" --resolve "localhost:$port:127.0.0.1" "https://localhost:$port/api/v1/system/health"

plain=$(curl -sS --max-time 5 "http://127.0.0.1:$port/api/v1/system/info" 2>&1 || true)
check "plain HTTP gets no data" bash -c "! grep -q serverId <<<'$plain'"

scan=$(sslscan --no-colour "127.0.0.1:$port" 2>&1)
check "sslscan: TLSv1.2 enabled" grep -Eq 'TLSv1\.2 +enabled' <<<"$scan"
check "sslscan: TLSv1.3 enabled" grep -Eq 'TLSv1\.3 +enabled' <<<"$scan"
check "sslscan: TLSv1.1 disabled" grep -Eq 'TLSv1\.1 +disabled' <<<"$scan"
check "sslscan: TLSv1.0 disabled" grep -Eq 'TLSv1\.0 +disabled' <<<"$scan"
check "sslscan: SSLv3 disabled" grep -Eq 'SSLv3 +disabled' <<<"$scan"

db="$data/server/vigil.db"
check "the database exists" test -s "$db"
check "the database does not start with the SQLite header" bash -c "! head -c 15 '$db' | grep -q 'SQLite format 3'"
check "strings finds neither the server id nor SQL in the database" \
  bash -c "! cat '$db' '$db-wal' 2>/dev/null | strings | grep -Eq '$server_id|CREATE TABLE|BEGIN CERTIFICATE'"
check "sqlcipher without the key cannot read it" \
  bash -c "! sqlcipher '$db' 'SELECT value FROM settings;' 2>/dev/null | grep -q '$server_id'"
check "the database and key files are private (0600)" \
  bash -c "test \"\$(stat -c %a '$db')\" = 600 && for f in '$data'/secrets/*; do test \"\$(stat -c %a \"\$f\")\" = 600 || exit 1; done"

# kill -9, then restart on the same data: same identity, same CA, integrity check passes (or it would not start).
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
start_vigild
info2=$(curl -sS --cacert "$work/ca.pem" "https://127.0.0.1:$port/api/v1/system/info")
check "after kill -9 the server id survives" grep -q "\"serverId\":\"$server_id\"" <<<"$info2"
check "after kill -9 the CA survives" grep -q "CA fingerprint: *$fingerprint" "$work/out.log"

kill -TERM "$pid"
status=0
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then status=99; else wait "$pid" || status=$?; fi
pid=""
check "SIGTERM stops vigild cleanly with exit code 0" test "$status" -eq 0
check "SIGTERM stop is logged" grep -q "engine stopped" "$work/err.log"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
