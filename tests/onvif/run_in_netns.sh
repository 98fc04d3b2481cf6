#!/bin/bash
# run_in_netns.sh: vigil-testcamera and one client in a private network namespace whose only
# interface is loopback, with multicast switched on and 224.0.0.0/4 routed to it. WS-Discovery
# multicast (239.255.255.250:3702) then reaches the camera without leaving the machine, and no
# other test or program on the machine sees it. Run it under `unshare -rn` (a user namespace: no
# root needed where the kernel allows unprivileged user namespaces).
#
#   unshare -rn run_in_netns.sh <vigil-testcamera> [camera arguments...] -- <client> [arguments...]
#
# The client runs with ONVIF_READY set to the camera's JSON ready line; the client's output and
# exit status are this script's. Exit 97: no multicast on loopback; 98: the camera did not start.
set -u

ip link set lo up && ip link set lo multicast on &&
  ip route add 224.0.0.0/4 dev lo src 127.0.0.1 || { echo "run_in_netns: cannot route multicast on loopback" >&2; exit 97; }

camera=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do camera+=("$1"); shift; done
[ $# -gt 1 ] || { echo "usage: $0 <vigil-testcamera> [args...] -- <client> [args...]" >&2; exit 2; }
shift

dir=$(mktemp -d)
camera_pid=
cleanup() {
  [ -n "$camera_pid" ] && kill "$camera_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
mkfifo "$dir/stdin"
# The camera quits when its stdin closes, so it cannot outlive this script even if we are killed.
"${camera[@]}" --quit-on-eof < "$dir/stdin" > "$dir/out" 2> "$dir/err" &
camera_pid=$!
exec 3> "$dir/stdin"

for _ in $(seq 300); do
  [ -s "$dir/out" ] && break
  sleep 0.1
done
ready=$(head -n 1 "$dir/out")
if [ -z "$ready" ]; then
  echo "run_in_netns: the camera did not start:" >&2
  cat "$dir/err" >&2
  exit 98
fi

ONVIF_READY=$ready "$@"
status=$?
echo "--- camera stderr" >&2
cat "$dir/err" >&2
exit $status
