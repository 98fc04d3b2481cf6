#pragma once
// InterfaceLanguage: the interface language (CLI-1, CLI-2). Loads Vigil's translation (vigil_<id>.qm,
// built from translations/*.ts into the resources under :/i18n) into the application, remembers the
// choice in the client settings, and says `changed` so the QML engine retranslates (main.cpp) and the
// C++ view models send their texts again. English is the source language: it needs no file.
//
// The first start (nothing chosen yet) follows the system's language when Vigil has it.

#include <QObject>
#include <QString>
#include <QTranslator>
#include <QVariantList>

namespace vigil::app {

class ClientSettings;

class InterfaceLanguage : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString current READ current NOTIFY changed)
    // [{id, name}]: each language named in itself ("Deutsch"), so anyone finds theirs.
    Q_PROPERTY(QVariantList available READ available CONSTANT)

public:
    static constexpr auto kResourcePrefix = ":/i18n";

    explicit InterfaceLanguage(ClientSettings* settings, QObject* parent = nullptr);
    ~InterfaceLanguage() override;

    QString current() const { return m_current; }
    QVariantList available() const;
    static QStringList ids();

    // Loads the stored choice, or the system's language the first time. Call once at start.
    void restore();
    // Switches to `id` and remembers it; false (the language stays) when there is no such language.
    Q_INVOKABLE bool select(const QString& id);

    // The language of ours that fits a locale name ("de_AT" -> "de", "zh_Hans_CN" -> "zh_CN"),
    // "en" when none does.
    static QString match(const QString& localeName);

signals:
    void changed();

private:
    bool apply(const QString& id);

    ClientSettings* m_settings;
    QTranslator m_translator;
    bool m_installed = false;
    QString m_current = QStringLiteral("en");
};

}  // namespace vigil::app
