#include "xml_element.h"

#include <QXmlStreamReader>
#include <optional>

namespace vigil::plugins::onvif {

namespace {

Error malformed(const QString& what) {
    return Error::make(QStringLiteral("xml_malformed"), what);
}

}  // namespace

// Builds the tree one element at a time; recursion depth is bounded by kMaxDepth.
class XmlTreeBuilder {
public:
    explicit XmlTreeBuilder(const QByteArray& document) : m_reader(document) {}

    Result<XmlElement> build() {
        while (!m_reader.atEnd()) {
            switch (m_reader.readNext()) {
                case QXmlStreamReader::StartElement: {
                    XmlElement root;
                    if (auto failure = readElement(root, 1)) {
                        return *failure;
                    }
                    // Only whitespace, comments and processing instructions may follow the root.
                    while (!m_reader.atEnd()) {
                        const auto token = m_reader.readNext();
                        if (token == QXmlStreamReader::StartElement ||
                            (token == QXmlStreamReader::Characters && !m_reader.isWhitespace())) {
                            return malformed(where(QStringLiteral("content after the document element")));
                        }
                        if (token == QXmlStreamReader::DTD) {
                            return malformed(where(QStringLiteral("a document type declaration")));
                        }
                    }
                    if (m_reader.hasError()) {
                        return malformed(where(m_reader.errorString()));
                    }
                    return root;
                }
                case QXmlStreamReader::DTD:
                    return malformed(where(QStringLiteral("a document type declaration")));
                case QXmlStreamReader::Characters:
                    if (!m_reader.isWhitespace()) {
                        return malformed(where(QStringLiteral("text before the document element")));
                    }
                    break;
                default:
                    break;
            }
        }
        return malformed(m_reader.hasError() ? where(m_reader.errorString())
                                             : QStringLiteral("The document has no element."));
    }

private:
    QString where(const QString& what) const {
        return QStringLiteral("Malformed XML at line %1, column %2: %3.")
            .arg(m_reader.lineNumber())
            .arg(m_reader.columnNumber())
            .arg(what);
    }

    // Reads the element whose start tag was just read, up to and including its end tag.
    std::optional<Error> readElement(XmlElement& element, int depth) {
        if (depth > XmlElement::kMaxDepth) {
            return malformed(where(QStringLiteral("elements nested deeper than %1").arg(XmlElement::kMaxDepth)));
        }
        if (++m_elements > XmlElement::kMaxElements) {
            return malformed(where(QStringLiteral("more than %1 elements").arg(XmlElement::kMaxElements)));
        }
        element.m_namespaceUri = m_reader.namespaceUri().toString();
        element.m_name = m_reader.name().toString();
        for (const QXmlStreamAttribute& attribute : m_reader.attributes()) {
            element.m_attributes.append({attribute.namespaceUri().toString(), attribute.name().toString(),
                                         attribute.value().toString()});
        }
        while (!m_reader.atEnd()) {
            switch (m_reader.readNext()) {
                case QXmlStreamReader::StartElement: {
                    element.m_children.append(XmlElement());
                    if (auto failure = readElement(element.m_children.last(), depth + 1)) {
                        return failure;
                    }
                    break;
                }
                case QXmlStreamReader::EndElement:
                    return std::nullopt;
                case QXmlStreamReader::Characters:
                    element.m_text += m_reader.text();
                    break;
                case QXmlStreamReader::DTD:
                    return malformed(where(QStringLiteral("a document type declaration")));
                case QXmlStreamReader::EntityReference:
                    return malformed(where(QStringLiteral("an undeclared entity")));
                default:
                    break;
            }
        }
        return malformed(where(m_reader.hasError() ? m_reader.errorString()
                                                   : QStringLiteral("the document ends inside an element")));
    }

    QXmlStreamReader m_reader;
    int m_elements = 0;
};

Result<XmlElement> XmlElement::parse(const QByteArray& document) {
    if (document.size() > kMaxBytes) {
        return malformed(QStringLiteral("The answer is %1 bytes long; at most %2 are accepted.")
                             .arg(document.size())
                             .arg(kMaxBytes));
    }
    return XmlTreeBuilder(document).build();
}

QString XmlElement::attribute(const QString& localName) const {
    for (const Attribute& attribute : m_attributes) {
        if (attribute.name == localName) {
            return attribute.value;
        }
    }
    return {};
}

const XmlElement* XmlElement::child(const QString& localName) const {
    for (const XmlElement& element : m_children) {
        if (element.m_name == localName) {
            return &element;
        }
    }
    return nullptr;
}

QList<const XmlElement*> XmlElement::childrenNamed(const QString& localName) const {
    QList<const XmlElement*> found;
    for (const XmlElement& element : m_children) {
        if (element.m_name == localName) {
            found.append(&element);
        }
    }
    return found;
}

const XmlElement* XmlElement::find(const QStringList& path) const {
    const XmlElement* current = this;
    for (const QString& name : path) {
        current = current->child(name);
        if (current == nullptr) {
            return nullptr;
        }
    }
    return current;
}

QString XmlElement::textAt(const QStringList& path) const {
    const XmlElement* element = find(path);
    return element != nullptr ? element->text() : QString();
}

const XmlElement* XmlElement::descendant(const QString& localName) const {
    for (const XmlElement& element : m_children) {
        if (element.m_name == localName) {
            return &element;
        }
        if (const XmlElement* found = element.descendant(localName)) {
            return found;
        }
    }
    return nullptr;
}

namespace {

constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// Escapes for attribute values and text; whitespace in attributes is kept as character
// references, which attribute-value normalisation would otherwise turn into spaces.
QString escaped(const QString& text, bool attribute) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
            case '&': out += QStringLiteral("&amp;"); break;
            case '<': out += QStringLiteral("&lt;"); break;
            case '>': out += QStringLiteral("&gt;"); break;
            case '"': out += attribute ? QStringLiteral("&quot;") : QStringLiteral("\""); break;
            case '\r': out += QStringLiteral("&#13;"); break;
            case '\n': out += attribute ? QStringLiteral("&#10;") : QStringLiteral("\n"); break;
            case '\t': out += attribute ? QStringLiteral("&#9;") : QStringLiteral("\t"); break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

QByteArray XmlElement::toXml() const {
    QString out;
    writeTo(out, 0);
    return out.toUtf8();
}

// Written by hand rather than with QXmlStreamWriter, which (Qt 6.4) leaves namespace URIs
// unescaped. Every element and attribute declares its own prefix, so the result stands alone.
void XmlElement::writeTo(QString& out, int depth) const {
    QString tag = m_name;
    QString declarations;
    if (m_namespaceUri == QLatin1String(kXmlNamespace)) {
        tag = QStringLiteral("xml:") + m_name;
    } else if (!m_namespaceUri.isEmpty()) {
        const QString prefix = QStringLiteral("e%1").arg(depth);
        tag = prefix + QLatin1Char(':') + m_name;
        declarations = QStringLiteral(" xmlns:%1=\"%2\"").arg(prefix, escaped(m_namespaceUri, true));
    } else if (depth > 0) {
        declarations = QStringLiteral(" xmlns=\"\"");
    }
    out += QLatin1Char('<') + tag + declarations;
    for (qsizetype i = 0; i < m_attributes.size(); ++i) {
        const Attribute& attribute = m_attributes.at(i);
        QString name = attribute.name;
        if (attribute.namespaceUri == QLatin1String(kXmlNamespace)) {
            name = QStringLiteral("xml:") + attribute.name;
        } else if (!attribute.namespaceUri.isEmpty()) {
            const QString prefix = QStringLiteral("a%1").arg(i);
            name = prefix + QLatin1Char(':') + attribute.name;
            out += QStringLiteral(" xmlns:%1=\"%2\"").arg(prefix, escaped(attribute.namespaceUri, true));
        }
        out += QLatin1Char(' ') + name + QStringLiteral("=\"") + escaped(attribute.value, true) + QLatin1Char('"');
    }
    out += QLatin1Char('>') + escaped(text(), false);
    for (const XmlElement& child : m_children) {
        child.writeTo(out, depth + 1);  // depth was bounded when parsing
    }
    out += QStringLiteral("</") + tag + QLatin1Char('>');
}

}  // namespace vigil::plugins::onvif
