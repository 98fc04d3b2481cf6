#include "interface_language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariantMap>

#include "app_logging.h"
#include "common/language.h"
#include "client_settings.h"

namespace vigil::app {

namespace {

struct Language {
    const char* id;
    const char* name;  // in the language itself: never translated
};

constexpr Language kLanguages[] = {
    {"en", "English"},
    {"zh_CN", "\u7b80\u4f53\u4e2d\u6587"},
    {"de", "Deutsch"},
};

}  // namespace

InterfaceLanguage::InterfaceLanguage(ClientSettings* settings, QObject* parent) : QObject(parent), m_settings(settings) {}

InterfaceLanguage::~InterfaceLanguage() {
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
    }
}

QStringList InterfaceLanguage::ids() {
    QStringList list;
    for (const Language& language : kLanguages) {
        list << QString::fromLatin1(language.id);
    }
    return list;
}

QVariantList InterfaceLanguage::available() const {
    QVariantList list;
    for (const Language& language : kLanguages) {
        list.append(QVariantMap{{QStringLiteral("id"), QString::fromLatin1(language.id)},
                                {QStringLiteral("name"), QString::fromUtf8(language.name)}});
    }
    return list;
}

QString InterfaceLanguage::match(const QString& localeName) {
    return core::matchLanguage(localeName);
}

void InterfaceLanguage::restore() {
    const QString stored = m_settings->language();
    const QString id = ids().contains(stored) ? stored : match(QLocale::system().name());
    if (!apply(id)) {
        apply(QStringLiteral("en"));
    }
    emit changed();
}

bool InterfaceLanguage::select(const QString& id) {
    if (!ids().contains(id)) {
        qCWarning(lcApp).noquote() << "language: no language" << id;
        return false;
    }
    if (id == m_current) {
        m_settings->setLanguage(id);
        return true;
    }
    if (!apply(id)) {
        return false;
    }
    m_settings->setLanguage(id);
    emit changed();
    return true;
}

bool InterfaceLanguage::apply(const QString& id) {
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (id != QLatin1String("en")) {
        const QString file = QStringLiteral("vigil_") + id;
        if (!m_translator.load(file, QString::fromLatin1(kResourcePrefix))) {
            qCWarning(lcApp).noquote() << "language: the translation" << file << "is missing from the build";
            return false;
        }
        m_installed = QCoreApplication::installTranslator(&m_translator);
    }
    m_current = id;
    // Numbers and dates follow the interface's language, not only the words.
    QLocale::setDefault(QLocale(id == QLatin1String("en") ? QStringLiteral("en_GB") : id));
    qCInfo(lcApp).noquote() << "language:" << id;
    return true;
}

}  // namespace vigil::app
