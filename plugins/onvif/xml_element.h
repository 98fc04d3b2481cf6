#pragma once
// XmlElement: a small, read-only element tree built with QXmlStreamReader from an answer a device
// sent. ONVIF devices differ in the prefixes they pick, so lookups go by local name (and, where it
// matters, namespace URI); the tree keeps text and attributes, drops comments and processing
// instructions, and refuses DTDs (SOAP forbids them; they are the door to entity expansion attacks).
// Size, depth and element count are bounded so a hostile device cannot make us hold unbounded data.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;

class XmlElement {
public:
    static constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxElements = 100'000;

    // Parses a whole document; the error (code "xml_malformed") says what was wrong and where.
    static Result<XmlElement> parse(const QByteArray& document);

    QString namespaceUri() const { return m_namespaceUri; }
    QString name() const { return m_name; }  // local name, without prefix
    // The element's own text (character data directly inside it), trimmed.
    QString text() const { return m_text.trimmed(); }
    QString attribute(const QString& localName) const;

    const QList<XmlElement>& children() const { return m_children; }
    // The first child with this local name, or nullptr.
    const XmlElement* child(const QString& localName) const;
    QList<const XmlElement*> childrenNamed(const QString& localName) const;
    // Follows a path of local names from this element: child("a")->child("b")... or nullptr.
    const XmlElement* find(const QStringList& path) const;
    // Text of the element at `path` (empty when absent).
    QString textAt(const QStringList& path) const;
    // The first descendant (depth first, this element excluded) with this local name, or nullptr.
    const XmlElement* descendant(const QString& localName) const;
    // The element written back as XML with its own namespace declarations, for echoing
    // WS-Addressing reference parameters.
    QByteArray toXml() const;

private:
    friend class XmlTreeBuilder;

    void writeTo(QString& out, int depth) const;

    QString m_namespaceUri;
    QString m_name;
    QString m_text;
    struct Attribute {
        QString namespaceUri;
        QString name;
        QString value;
    };

    QList<Attribute> m_attributes;
    QList<XmlElement> m_children;
};

}  // namespace vigil::plugins::onvif
