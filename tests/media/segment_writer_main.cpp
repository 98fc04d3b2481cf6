// Helper for tst_segment_archive's kill -9 test: records one RTSP stream into one segment file and
// prints, line by line and unbuffered, "base <µs>" once and "written <dts µs>" after each packet
// the writer accepted. The test kills it with SIGKILL and compares with what the file holds.
//   segment_writer <rtsp url> <output.ts>

#include <QUrl>
#include <cstdio>

#include "media/segment_writer.h"
#include "media/stream_reader.h"

using namespace vigil::core::media;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: segment_writer <rtsp url> <output.ts>\n");
        return 2;
    }
    StreamReader reader;
    if (auto opened = reader.open(QUrl(QString::fromUtf8(argv[1]))); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<SegmentWriter> writer;
    const int video = reader.info().videoTrack();
    for (;;) {
        auto packet = reader.read();
        if (!packet) {
            std::fprintf(stderr, "%s\n", qPrintable(packet.error().message));
            return 1;
        }
        if (!writer) {
            if (packet.value()->track != video || !packet.value()->keyframe) {
                continue;
            }
            const qint64 baseUs = packet.value()->dtsUs / 1000 * 1000;
            auto made = SegmentWriter::create(QString::fromUtf8(argv[2]), reader.info(), baseUs);
            if (!made) {
                std::fprintf(stderr, "%s\n", qPrintable(made.error().message));
                return 1;
            }
            writer = std::move(made.value());
            std::printf("base %lld\n", static_cast<long long>(baseUs));
        }
        if (auto written = writer->write(packet.value()); !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error().message));
            return 1;
        }
        std::printf("written %lld\n", static_cast<long long>(packet.value()->dtsUs));
        std::fflush(stdout);
    }
}
