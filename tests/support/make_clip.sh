#!/bin/sh
# make_clip.sh: a short test clip with moving content (FFmpeg's testsrc2 pattern and a running
# timestamp) for vigil-testcamera and media tests. Cached: an existing output is reused, so a
# build directory pays for each clip once.
#
#   make_clip.sh OUTPUT.mp4 [--codec h264|h265] [--size 640x360] [--fps 25] [--seconds 10]
#                [--gop FRAMES] [--bitrate 1M] [--audio]
#
# H.264 and H.265 come from libx264 / libx265 without B-frames (like most cameras) and a keyframe
# every --gop frames (default one per second); --audio adds AAC (a 440 Hz tone, 48 kHz stereo).
# Prints the output path on success.
set -eu

usage() { echo "usage: $0 OUTPUT [--codec h264|h265] [--size WxH] [--fps N] [--seconds N] [--gop N] [--bitrate R] [--audio]" >&2; exit 2; }

[ $# -ge 1 ] || usage
out=$1; shift
codec=h264 size=640x360 fps=25 seconds=10 gop= bitrate=1M audio=0
while [ $# -gt 0 ]; do
  case $1 in
    --codec) codec=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --fps) fps=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --gop) gop=$2; shift 2 ;;
    --bitrate) bitrate=$2; shift 2 ;;
    --audio) audio=1; shift ;;
    *) usage ;;
  esac
done
[ -n "$gop" ] || gop=$fps

if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi

case $codec in
  h264) vcodec="-c:v libx264 -preset veryfast -tune zerolatency -bf 0 -g $gop -keyint_min $gop -sc_threshold 0 -profile:v high -pix_fmt yuv420p" ;;
  h265) vcodec="-c:v libx265 -preset veryfast -pix_fmt yuv420p -tag:v hvc1 -x265-params bframes=0:keyint=$gop:min-keyint=$gop:scenecut=0:log-level=error" ;;
  *) echo "$0: unknown codec $codec (h264 or h265)" >&2; exit 2 ;;
esac

ainput= acodec=-an
if [ "$audio" = 1 ]; then
  ainput="-f lavfi -i sine=frequency=440:sample_rate=48000:duration=$seconds"
  acodec="-c:a aac -b:a 64k -ac 2"
fi

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$.mp4"
trap 'rm -f "$tmp"' EXIT
# shellcheck disable=SC2086  # the option lists are meant to split
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=$size:rate=$fps:duration=$seconds" $ainput \
  -vf "drawtext=text='%{pts\\:hms}':x=20:y=20:fontsize=32:fontcolor=white:box=1:boxcolor=black@0.6" \
  $vcodec -b:v "$bitrate" -maxrate "$bitrate" -bufsize "$bitrate" $acodec \
  -movflags +faststart "$tmp" 2>/dev/null ||
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=$size:rate=$fps:duration=$seconds" $ainput \
  $vcodec -b:v "$bitrate" -maxrate "$bitrate" -bufsize "$bitrate" $acodec \
  -movflags +faststart "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "$out"
