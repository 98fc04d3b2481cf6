#!/usr/bin/env bash
# The security report's PDF from vigild itself (issue 8, WIZ-3, SEC-4.3): the daemon runs as a GUI
# application on the offscreen platform (no display, QT_QPA_PLATFORM unset), so GET
# /api/v1/security/report.pdf answers a real PDF instead of 501 pdf_unavailable. Checked from outside
# with curl, pdfinfo and pdftoppm against a vigild on 127.0.0.1 with a port the kernel picks.
# The same daemon answers one client in Simplified Chinese and another in German (?lang=, per request,
# no process-wide translator): the Chinese PDF draws its glyphs from an embedded CJK font (pdffonts).
set -euo pipefail
vigild=${1:?usage: tst_vigild_report.sh PATH_TO_VIGILD}
work=$(mktemp -d)
pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# As a service starts it: no display, no platform chosen.
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
"$vigild" --data-dir "$work/data" --listen 127.0.0.1 --port 0 >"$work/out.log" 2>"$work/err.log" &
pid=$!
port=""
for _ in $(seq 1 300); do
  # "Stop with" is the last line vigild prints at start: the address line is whole by then.
  if grep -q "Stop with" "$work/out.log" 2>/dev/null; then
    port=$(sed -n 's/.*address: *https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/out.log")
    break
  fi
  kill -0 "$pid" 2>/dev/null || { echo "vigild stopped:"; cat "$work/out.log" "$work/err.log"; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "vigild printed no address"; cat "$work/err.log"; exit 1; }

# Pin the CA the server presents (the last certificate of its chain), as a client does.
openssl s_client -connect "127.0.0.1:$port" -showcerts </dev/null 2>/dev/null |
  awk '/BEGIN CERT/{c=""} {c=c $0 "\n"} /END CERT/{last=c} END{printf "%s", last}' >"$work/ca.pem"
base="https://127.0.0.1:$port"
api() {  # api METHOD PATH [JSON]
  curl -sS --cacert "$work/ca.pem" -X "$1" -H "Content-Type: application/json" \
    ${token:+-H "Authorization: Bearer $token"} ${3:+--data "$3"} "$base$2"
}

token=""
api POST /api/v1/setup '{"userName":"chief","password":"Harbour#Light9","email":"chief@example.test",
  "questions":[{"question":"One?","answer":"first answer"},{"question":"Two?","answer":"second answer"},
               {"question":"Three?","answer":"third answer"}]}' >"$work/setup.json"
token=$(api POST /api/v1/auth/login '{"userName":"chief","password":"Harbour#Light9","clientKind":"web"}' | jq -r .token)
[[ -n "$token" && "$token" != null ]] || { echo "FAIL - login"; cat "$work/setup.json"; exit 1; }

job=$(api POST /api/v1/security/audits '{"level":1}' | jq -r .id)
state=""
for _ in $(seq 1 600); do
  state=$(api GET "/api/v1/security/jobs/$job" | jq -r .state)
  [[ "$state" == succeeded || "$state" == failed || "$state" == cancelled ]] && break
  sleep 0.1
done
[[ "$state" == succeeded ]] || { echo "FAIL - the audit job ended $state"; exit 1; }

status=$(curl -sS --cacert "$work/ca.pem" -H "Authorization: Bearer $token" -o "$work/report.pdf" \
  -w '%{http_code} %{content_type}' "$base/api/v1/security/report.pdf")
echo "report.pdf: $status, $(stat -c %s "$work/report.pdf") bytes"
failed=0
[[ "$status" == "200 application/pdf" ]] || { echo "FAIL - report.pdf answered $status: $(head -c 300 "$work/report.pdf")"; failed=1; }
if [[ $failed -eq 0 ]]; then
  pages=$(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p')
  [[ "${pages:-0}" -ge 1 ]] && echo "ok   - pdfinfo reads $pages page(s)" || { echo "FAIL - pdfinfo"; failed=1; }
  # The text drawn is the report: its title and the items audited (pdftotext reads the PDF back).
  pdftotext "$work/report.pdf" "$work/report.txt"
  grep -qi "security report: " "$work/report.txt" && echo "ok   - the PDF holds the report's title" ||
    { echo "FAIL - no title in the PDF"; failed=1; }
  grep -q "SEC-1.7" "$work/report.txt" && echo "ok   - the PDF lists the items (SEC-1.7 among them)" ||
    { echo "FAIL - no items in the PDF"; head -40 "$work/report.txt"; failed=1; }
  pdftoppm -r 40 -png -f 1 -l 1 "$work/report.pdf" "$work/page" && echo "ok   - pdftoppm renders page 1" ||
    { echo "FAIL - pdftoppm"; failed=1; }
fi
grep -qi "pdf_unavailable" "$work/report.pdf" && { echo "FAIL - 501 pdf_unavailable"; failed=1; }

# Two languages from one daemon, asked one after the other and then the first again.
for lang in zh_CN de zh_CN; do
  curl -sS --cacert "$work/ca.pem" -H "Authorization: Bearer $token" -o "$work/report-$lang.pdf" \
    "$base/api/v1/security/report.pdf?lang=$lang"
  pdftotext -raw "$work/report-$lang.pdf" - | tr -s '[:space:]' ' ' >"$work/report-$lang.txt"
done
grep -q "安全报告：" "$work/report-zh_CN.txt" && grep -q "审计等级" "$work/report-zh_CN.txt" &&
  echo "ok   - the Chinese PDF reads back in Chinese" || { echo "FAIL - Chinese PDF"; head -c 600 "$work/report-zh_CN.txt"; failed=1; }
pdffonts "$work/report-zh_CN.pdf" | grep -Eqi "wenquanyi|cjk" && echo "ok   - the Chinese glyphs come from an embedded CJK font" ||
  { echo "FAIL - no CJK font in the Chinese PDF"; pdffonts "$work/report-zh_CN.pdf"; failed=1; }
grep -q "Geprüfte Stufe" "$work/report-de.txt" && ! grep -q "Level audited" "$work/report-de.txt" &&
  echo "ok   - the German PDF reads back in German" || { echo "FAIL - German PDF"; head -c 600 "$work/report-de.txt"; failed=1; }
[[ "$(api GET '/api/v1/security/catalogue?lang=de' | jq -r '.items[] | select(.id == "sec-1.7-lockout") | .title')" == \
   "Wiederholte Fehlanmeldungen sperren das Konto" ]] && echo "ok   - the items in German" || { echo "FAIL - German items"; failed=1; }
[[ "$(api GET /api/v1/security/catalogue | jq -r '.items[] | select(.id == "sec-1.7-lockout") | .title')" == \
   "Repeated failed logins lock the account" ]] && echo "ok   - and in English to a client that asks for none" ||
  { echo "FAIL - English items"; failed=1; }

kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
[[ $failed -eq 0 ]]
