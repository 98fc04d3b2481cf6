#!/usr/bin/python3
"""An independent RTSP camera for Vigil's tests: GStreamer's RTSP server (gst-rtsp-server).

Run with /usr/bin/python3 (the system interpreter that has gi and GstRtspServer). It binds
127.0.0.1 on --port (0: the OS picks one), prints one JSON line on stdout once it accepts
connections, and runs until SIGTERM or SIGINT, when it closes its clients and exits 0:

  {"ready": true, "port": 40123, "urls": {"main": "rtsp://127.0.0.1:40123/main", ...}}

Each --mount NAME:CODEC[+aac] serves a moving test picture (videotestsrc, a bouncing ball with the
wall clock burnt in when the pango plugin is installed) encoded live as H.264 (x264) or H.265
(x265), optionally with an AAC tone. A mount's factory is shared: every client of a mount gets the
same encoder's output, so N viewers cost one encoder. Keyframes come every --gop seconds and the
server sends RTCP sender reports, so clients can anchor timestamps to the wall clock.

SIGUSR1 stills the picture: every mount's test source switches to the static pattern "black" (the
ball vanishes and nothing moves any more), for tests of motion that ends.

With --user and --password, every request needs HTTP digest authentication (RFC 2617); requests
without it or with a wrong password get 401.

Known: gst-rtsp-server once crashed on three simultaneous cold clients. Tests that need the camera
for long supervise it (restart it on the same port when it exits).
"""

import argparse
import ctypes
import json
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

CODECS = ("h264", "h265")


def parse_mount(text):
    """'main:h264+aac' -> ('main', 'h264', True)."""
    name, _, spec = text.partition(":")
    codec, _, audio = (spec or "h264").partition("+")
    if not name or "/" in name or codec not in CODECS or audio not in ("", "aac"):
        raise argparse.ArgumentTypeError(
            f"bad mount '{text}': expected NAME:CODEC[+aac] with CODEC one of {', '.join(CODECS)}")
    return name, codec, audio == "aac"


def has_element(name):
    return Gst.ElementFactory.find(name) is not None


def video_branch(args, codec):
    gop_frames = max(1, int(round(args.gop * args.fps)))
    parts = [
        f"videotestsrc name=scene is-live=true pattern={args.pattern}",
        f"video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1",
    ]
    if args.clock and has_element("clockoverlay"):
        parts.append('clockoverlay time-format="%H:%M:%S" halignment=left valignment=top')
    # x265 picks 4:4:4 when it may; force 4:2:0, which is what cameras send and decoders expect.
    parts += ["videoconvert", "video/x-raw,format=I420"]
    if codec == "h264":
        parts += [
            # One slice per picture: with sliced threads rtph264pay repeats SPS/PPS before every
            # IDR slice, which splits a picture in two for any H.264 parser (not valid H.264).
            f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={gop_frames} "
            f"bitrate={args.bitrate} threads=1 bframes={args.bframes}",
            f"video/x-h264,profile={'main' if args.bframes else 'baseline'}",
            "h264parse",
            "rtph264pay name=pay0 pt=96 config-interval=-1",
        ]
    else:
        parts += [
            f"x265enc tune=zerolatency speed-preset=ultrafast key-int-max={gop_frames} "
            f"bitrate={args.bitrate}",
            "h265parse",
            "rtph265pay name=pay0 pt=96 config-interval=-1",
        ]
    return " ! ".join(parts)


def audio_branch():
    return " ! ".join([
        "audiotestsrc is-live=true wave=sine freq=440 volume=0.2",
        "audioconvert", "audioresample",
        "audio/x-raw,rate=48000,channels=1",
        "avenc_aac bitrate=64000",
        "aacparse",
        "rtpmp4gpay name=pay1 pt=97",
    ])


MEDIAS = []  # the media made so far, for SIGUSR1


def make_factory(args, codec, with_audio, permissions):
    launch = video_branch(args, codec)
    if with_audio:
        launch += " " + audio_branch()
    factory = GstRtspServer.RTSPMediaFactory()
    factory.connect("media-configure", lambda _factory, media: MEDIAS.append(media))
    factory.set_launch(f"( {launch} )")
    factory.set_shared(True)  # one encoder per mount, whatever the number of clients
    if permissions is not None:
        factory.set_permissions(permissions)
    return factory


def install_auth(server, user, password):
    auth = GstRtspServer.RTSPAuth()
    auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "viewer")
    auth.add_digest(user, password, token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role("viewer", "media.factory.access", True)
    permissions.add_permission_for_role("viewer", "media.factory.construct", True)
    return permissions


def exit_with_parent():
    """A test killed before it could stop us (a timeout, SIGKILL) must not leave a camera running."""
    try:
        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    except OSError:
        pass


def main():
    exit_with_parent()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0, help="RTSP port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--mount", type=parse_mount, action="append", metavar="NAME:CODEC[+aac]",
                        help="a stream at rtsp://127.0.0.1:PORT/NAME; may repeat (default main:h264)")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--bitrate", type=int, default=800, help="video kbit/s")
    parser.add_argument("--gop", type=float, default=2.0, help="seconds between keyframes")
    parser.add_argument("--pattern", default="ball", help="videotestsrc pattern (ball moves)")
    parser.add_argument("--bframes", type=int, default=0, help="H.264 B-frames between references (cameras: 0)")
    parser.add_argument("--no-clock", dest="clock", action="store_false", help="no wall clock overlay")
    parser.add_argument("--user", help="require digest authentication with this user")
    parser.add_argument("--password", help="and this password")
    args = parser.parse_args()
    if (args.user is None) != (args.password is None):
        parser.error("--user and --password go together")
    mounts = args.mount or [("main", "h264", False)]
    if len({name for name, _, _ in mounts}) != len(mounts):
        parser.error("mount names must be unique")

    Gst.init(None)
    missing = [e for e in ("videotestsrc", "x264enc", "x265enc", "avenc_aac", "rtph264pay") if not has_element(e)]
    if missing:
        print(f"gst_camera: missing GStreamer elements {missing}; run tools/install-deps.sh", file=sys.stderr)
        return 2

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    permissions = install_auth(server, args.user, args.password) if args.user else None
    points = server.get_mount_points()
    for name, codec, with_audio in mounts:
        points.add_factory("/" + name, make_factory(args, codec, with_audio, permissions))

    loop = GLib.MainLoop()
    try:
        source_id = server.attach(None)
    except GLib.Error as error:
        print(f"gst_camera: cannot listen on 127.0.0.1:{args.port}: {error.message}", file=sys.stderr)
        return 1
    if source_id == 0:
        print(f"gst_camera: cannot listen on 127.0.0.1:{args.port}", file=sys.stderr)
        return 1
    port = server.get_bound_port()

    def stop():
        # Closing the clients first makes them see a TCP close at once, as with a camera switched off.
        server.client_filter(lambda _server, _client: GstRtspServer.RTSPFilterResult.REMOVE)
        loop.quit()
        return GLib.SOURCE_REMOVE

    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal.SIGTERM, stop)
    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal.SIGINT, stop)

    def still():
        for media in MEDIAS:
            scene = media.get_element().get_by_name("scene")
            if scene is not None:
                scene.set_property("pattern", "black")
        return GLib.SOURCE_CONTINUE

    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal.SIGUSR1, still)

    urls = {name: f"rtsp://127.0.0.1:{port}/{name}" for name, _, _ in mounts}
    print(json.dumps({"ready": True, "port": port, "urls": urls}), flush=True)
    loop.run()
    GLib.source_remove(source_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
