#!/usr/bin/env bash
# Installs the Debian 12 packages Vigil needs to build, run and test.
# Idempotent: when everything is present it only checks (dpkg-query) and returns at once.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml
  qml6-module-qtqml-workerscript qml6-module-qtqml-models qml6-module-qttest
  qml6-module-qtwebsockets qml6-module-qtquick-dialogs
  # Qt Multimedia: QVideoSink/QVideoFrame and QML VideoOutput for the workstation's player (app/player)
  qt6-multimedia-dev qml6-module-qtmultimedia
  # storage, crypto
  libsqlcipher-dev sqlcipher libargon2-dev libssl-dev openssl
  # tests: display, screenshots, TLS scanner, keyring, HTTP client
  xvfb xauth x11-apps imagemagick libgl1-mesa-dri sslscan curl poppler-utils
  dbus gnome-keyring
  # tests: chronyd serving NTP on a loopback port (SEC-1.5 time checks)
  chrony
  # tests: real keyboard and mouse input into the workstation under Xvfb; jq reads API answers
  xdotool jq
  # tests: SMTP server with STARTTLS (run with /usr/bin/python3)
  python3-aiosmtpd
  # fuzz targets: clang with libFuzzer's runtime (tests/fuzz)
  clang-14 libclang-rt-14-dev
  # media: FFmpeg libraries (ingest, remux, delivery) and tools (test clips, ffprobe as a client)
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
  # tests: GStreamer's RTSP server as independent cameras (python3-gi via /usr/bin/python3)
  python3-gi gir1.2-gstreamer-1.0 gir1.2-gst-plugins-base-1.0 gir1.2-gst-rtsp-server-1.0
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav
  # tests: clockoverlay (pango) burns the wall clock into the GStreamer test cameras' picture
  gstreamer1.0-x
  # tests: reference ONVIF client; VLC (HTTP) as an independent viewer; libVLC for the player backend
  onvif-tools vlc-bin vlc-plugin-base libvlc-dev
  # tests: ip (iproute2) sets up loopback multicast in a private network namespace (WS-Discovery)
  iproute2
  # tests: rsyslog with its TLS driver as the syslog peer of event rules (RFC 5424 over TLS)
  rsyslog rsyslog-gnutls
  # workstation shell: Material Design icons (bundled into the resources at build time), Qt Charts
  # (Home's live charts), lupdate/lrelease (translations/), a CJK font so Chinese renders
  fonts-materialdesignicons-webfont qt6-charts-dev qml6-module-qtcharts qt6-l10n-tools qt6-tools-dev
  fonts-wqy-microhei
)
# tests: npm for the reference ONVIF client (npm `onvif`). Only when no npm exists: a Node.js from
# another source (nodesource) brings its own npm and conflicts with Debian's package.
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
