// image_check: tells a screenshot of a real UI from a blank or broken one, for the UI tests.
//   image_check FILE [--min-colours N] [--max-dominant FRACTION] [--differ "x,y,w,h x,y,w,h"]...
//               [--has-colour "x,y,w,h #rrggbb"]... [--lacks-colour "x,y,w,h #rrggbb"]...
// Fails (exit 1, with the reason) when the image has fewer than N distinct colours, when one colour
// covers more than FRACTION of it, when a pair of regions has the same average colour (for example
// the navigation rail against the page background: the layout did not render), or when a region
// lacks (or has) a colour: a state colour of the theme shows (or does not) in a button or a badge.

#include <QCommandLineParser>
#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QRect>
#include <QTextStream>

#include <cmath>
#include <cstdlib>
#include <optional>

namespace {

constexpr double kMinRegionDistance = 4.0;  // per-channel average difference, 0..255
// A pixel "is" a colour within this per-channel average difference (antialiased edges are blends),
// and a region has it with at least kMinColourPixels such pixels (one glyph's strokes are enough).
constexpr double kColourTolerance = 24.0;
constexpr int kMinColourPixels = 12;

std::optional<QRect> parseRect(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        return std::nullopt;
    }
    int values[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts.at(i).trimmed().toInt(&ok);
        if (!ok) {
            return std::nullopt;
        }
    }
    return QRect(values[0], values[1], values[2], values[3]);
}

struct Average {
    double r = 0;
    double g = 0;
    double b = 0;
};

Average averageOf(const QImage& image, const QRect& rect) {
    Average sum;
    qint64 count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            sum.r += qRed(pixel);
            sum.g += qGreen(pixel);
            sum.b += qBlue(pixel);
            ++count;
        }
    }
    if (count > 0) {
        sum.r /= static_cast<double>(count);
        sum.g /= static_cast<double>(count);
        sum.b /= static_cast<double>(count);
    }
    return sum;
}

double distance(const Average& a, const Average& b) {
    return (std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b)) / 3.0;
}

// How many pixels of the region are the colour (within kColourTolerance).
int pixelsOfColour(const QImage& image, const QRect& rect, QRgb colour) {
    const Average wanted{static_cast<double>(qRed(colour)), static_cast<double>(qGreen(colour)),
                         static_cast<double>(qBlue(colour))};
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            const Average here{static_cast<double>(qRed(pixel)), static_cast<double>(qGreen(pixel)),
                               static_cast<double>(qBlue(pixel))};
            if (distance(here, wanted) <= kColourTolerance) {
                ++count;
            }
        }
    }
    return count;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks that a screenshot is not blank."));
    parser.addHelpOption();
    const QCommandLineOption minColours(QStringLiteral("min-colours"), QStringLiteral("Least distinct colours."),
                                        QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption maxDominant(QStringLiteral("max-dominant"),
                                         QStringLiteral("Largest share of the most common colour."),
                                         QStringLiteral("fraction"), QStringLiteral("0.95"));
    const QCommandLineOption differ(QStringLiteral("differ"),
                                    QStringLiteral("Two regions \"x,y,w,h x,y,w,h\" whose average colours differ."),
                                    QStringLiteral("regions"));
    const QCommandLineOption hasColour(QStringLiteral("has-colour"),
                                       QStringLiteral("A region \"x,y,w,h #rrggbb\" that shows the colour."),
                                       QStringLiteral("region"));
    const QCommandLineOption lacksColour(QStringLiteral("lacks-colour"),
                                         QStringLiteral("A region \"x,y,w,h #rrggbb\" without the colour."),
                                         QStringLiteral("region"));
    parser.addOptions({minColours, maxDominant, differ, hasColour, lacksColour});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The screenshot (PNG)."));
    parser.process(app);

    QTextStream out(stdout);
    if (parser.positionalArguments().size() != 1) {
        out << "image_check: give one image file" << Qt::endl;
        return 2;
    }
    const QString file = parser.positionalArguments().first();
    const QImage image = QImage(file).convertToFormat(QImage::Format_RGB32);
    if (image.isNull()) {
        out << "image_check: cannot read " << file << Qt::endl;
        return 1;
    }

    QHash<QRgb, qint64> histogram;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            ++histogram[line[x] & 0xffffff];
        }
    }
    qint64 dominant = 0;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
        dominant = std::max(dominant, it.value());
    }
    const double share = static_cast<double>(dominant) / (static_cast<double>(image.width()) * image.height());
    out << file << ": " << image.width() << "x" << image.height() << ", " << histogram.size()
        << " colours, dominant colour " << QString::number(share * 100, 'f', 1) << " %" << Qt::endl;

    bool ok = true;
    if (histogram.size() < parser.value(minColours).toInt()) {
        out << "FAIL: fewer than " << parser.value(minColours) << " colours: the screen looks blank" << Qt::endl;
        ok = false;
    }
    if (share > parser.value(maxDominant).toDouble()) {
        out << "FAIL: one colour covers more than " << parser.value(maxDominant) << " of the screen" << Qt::endl;
        ok = false;
    }
    for (const QString& pair : parser.values(differ)) {
        const QStringList rects = pair.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const auto a = rects.size() == 2 ? parseRect(rects.at(0)) : std::nullopt;
        const auto b = rects.size() == 2 ? parseRect(rects.at(1)) : std::nullopt;
        if (!a || !b) {
            out << "image_check: --differ wants \"x,y,w,h x,y,w,h\", got " << pair << Qt::endl;
            return 2;
        }
        const double d = distance(averageOf(image, *a), averageOf(image, *b));
        out << "regions " << pair << " differ by " << QString::number(d, 'f', 1) << Qt::endl;
        if (d < kMinRegionDistance) {
            out << "FAIL: regions " << pair << " look the same: the layout did not render" << Qt::endl;
            ok = false;
        }
    }
    for (const bool wanted : {true, false}) {
        for (const QString& spec : parser.values(wanted ? hasColour : lacksColour)) {
            const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const auto rect = parts.size() == 2 ? parseRect(parts.at(0)) : std::nullopt;
            const QColor colour = parts.size() == 2 ? QColor::fromString(parts.at(1)) : QColor();
            if (!rect || !colour.isValid()) {
                out << "image_check: --has-colour/--lacks-colour want \"x,y,w,h #rrggbb\", got " << spec << Qt::endl;
                return 2;
            }
            const int pixels = pixelsOfColour(image, *rect, colour.rgb());
            out << "region " << spec << ": " << pixels << " pixels of that colour" << Qt::endl;
            if (wanted && pixels < kMinColourPixels) {
                out << "FAIL: region " << spec << " does not show the colour" << Qt::endl;
                ok = false;
            } else if (!wanted && pixels >= kMinColourPixels) {
                out << "FAIL: region " << spec << " shows the colour" << Qt::endl;
                ok = false;
            }
        }
    }
    return ok ? 0 : 1;
}
