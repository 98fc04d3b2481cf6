// German texts of the security audit (AuditTranslation): in our own words, after the English in
// audit_catalogue.cpp, the fixes and network functions where they are registered, and the report's
// labels in audit_translation.cpp. Terms as in translations/README.md (Prüfung, Stufe, Korrektur,
// Sicherung, Kamera, Sicherheitsprotokoll).

#include "audit/audit_texts.h"

namespace vigil::server {

namespace {

constexpr AuditItemText kItems[] = {
    // Stufe 1
    {"sec-1.1-restore-defaults", "Zurücksetzen auf Werkseinstellungen ist geschützt",
     "Eine Plattform, die in andere Hände übergeht, sollte in ihren Ausgangszustand zurückgesetzt werden; das darf "
     "nur ein Administrator nach einer Bestätigung tun, und es muss eine Spur im Sicherheitsprotokoll hinterlassen."},
    {"sec-1.2-password-policy", "Starke Passwörter sind vorgeschrieben",
     "Kurze oder vorhersehbare Passwörter erraten automatische Werkzeuge in Minuten; die Plattform muss sie für "
     "jedes Konto ablehnen."},
    {"sec-1.2-password-expiry", "Passwörter werden regelmäßig geändert",
     "Ein Passwort, das nach außen gelangt ist oder das ein früherer Kollege noch kennt, gilt nach der nächsten "
     "Änderung nicht mehr."},
    {"sec-1.2-admin-account", "Kein Administrator hat einen leicht zu erratenden Namen",
     "Angreifer probieren zuerst „admin“ und „root“; ein persönlicher Administratorname nimmt ihnen die Hälfte "
     "dessen, was sie wissen."},
    {"sec-1.2-device-passwords", "Kameras haben starke Passwörter statt der Werkspasswörter",
     "Die Werkspasswörter von Kameras stehen im Internet; eine Kamera mit einem solchen Passwort ist für jeden in "
     "ihrem Netzwerk offen."},
    {"sec-1.3-reset-info", "Angaben zum Zurücksetzen des Passworts sind hinterlegt",
     "Ohne hinterlegte E-Mail-Adresse und Sicherheitsfragen bedeutet ein verlorenes Administratorpasswort eine "
     "Neuinstallation; sind sie schwach, kann ein Fremder das Konto übernehmen."},
    {"sec-1.4-platform-version", "Plattform und Client sind auf dem neuesten Stand",
     "Jedes Update schließt Lücken, die spätestens mit seiner Veröffentlichung allgemein bekannt sind."},
    {"sec-1.4-device-firmware", "Die Firmware der Kameras ist auf dem neuesten Stand",
     "Veraltete Kamera-Firmware ist der häufigste Weg in ein Videonetzwerk."},
    {"sec-1.5-platform-time", "Die Uhr der Plattform ist synchronisiert",
     "Aufzeichnungen und Protokolle taugen nur dann als Beweis, wenn ihre Zeiten stimmen."},
    {"sec-1.5-device-time", "Kameras beziehen ihre Zeit von einem Zeitserver",
     "Eine Kamera, deren Uhr abweicht, versieht ihre Bilder und ihre eigenen Protokolle mit falschen Zeiten."},
    {"sec-1.6-platform-functions", "Nicht benötigte Netzwerkfunktionen sind ausgeschaltet",
     "Jede Funktion, die im Netzwerk antwortet, ist eine Tür; je weniger Türen, desto weniger Wege hinein."},
    {"sec-1.6-device-functions", "Kameras betreiben nur die Dienste, die sie brauchen",
     "Antworten auf Discovery-Anfragen, unverschlüsseltes HTTP und ungenutzte Protokolle auf einer Kamera "
     "vergrößern, was ein Angreifer erreichen kann."},
    {"sec-1.7-lockout", "Wiederholte Fehlanmeldungen sperren das Konto",
     "Werden das Konto und die Adresse gesperrt, von der aus es angegriffen wird, dauert das Erraten eines "
     "Passworts Jahre statt Stunden."},
    {"sec-1.8-security-log", "Das Sicherheitsprotokoll wird geführt",
     "Ohne Aufzeichnung von Anmeldungen, Fehlschlägen und Änderungen kann niemand sagen, ob, wann oder wie die "
     "Plattform missbraucht wurde."},
    {"sec-1.9-session-timeouts", "Inaktive Sitzungen werden beendet",
     "Ein Arbeitsplatz, an dem noch jemand angemeldet ist, ist eine offene Tür; Sitzungen müssen bei Inaktivität "
     "und nach einem Arbeitstag enden."},
    {"sec-1.10-anonymous-access", "Ohne Anmeldung kommt niemand hinein",
     "Anonymer Zugriff zeigt Video und Einstellungen jedem, der die Adresse findet."},
    {"sec-1.10-https-only", "Nur HTTPS mit TLS 1.2 oder neuer",
     "Über unverschlüsseltes HTTP und alte TLS-Versionen kann jeder auf dem Übertragungsweg Passwörter und Video "
     "mitlesen."},
    {"sec-1.10-database-encryption", "Die Datenbank ist verschlüsselt",
     "Eine kopierte Festplatte oder Sicherung darf weder Kamerapasswörter noch Benutzer oder Einstellungen "
     "preisgeben."},
    {"sec-4.1-stored-passwords", "Von der Plattform gespeicherte Passwörter sind stark",
     "Die Plattform speichert Passwörter für andere Systeme (den Mailserver); ein schwaches Passwort dort ist so "
     "gefährlich wie eine schwache Anmeldung."},
    {"sec-4.2-smtp-tls", "E-Mails werden über TLS versendet",
     "Alarm-E-Mails und Codes zum Zurücksetzen enthalten Namen, Adressen und Codes; über unverschlüsseltes SMTP "
     "liest sie jeder auf dem Übertragungsweg."},
    {"sec-4.2-device-wifi", "WLAN-Hotspots der Kameras verwenden WPA2",
     "Ein eigener Hotspot der Kamera mit schwacher Verschlüsselung öffnet die Kamera für jeden in Funkreichweite."},
    {"sec-4.3-incident-response", "Ein Sicherheitsbericht kann erstellt werden",
     "Geht etwas schief, fragen das Vorfallteam und die Prüfer zuerst nach dem Zustand jedes Punktes, mit "
     "Nachweisen und Datum."},
    // Stufe 2
    {"sec-2.1-service-ports", "Dienste verwenden keine Standardports",
     "Massenscans suchen zuerst nach bekannten Ports; ein eigener Port hält die Plattform aus den meisten von "
     "ihnen heraus."},
    {"sec-2.2-least-privilege", "Konten haben nur die Rechte, die sie brauchen",
     "Ein Bediener, der Benutzer oder Einstellungen ändern kann, kann dazu verleitet werden; wenige "
     "Administratoren bedeuten wenige Konten, deren Diebstahl sich lohnt."},
    {"sec-2.3-certificate", "Das Serverzertifikat ist gültig und vertrauenswürdig",
     "Clients können den echten Server nur dann von einem Betrüger unterscheiden, wenn sein Zertifikat ihn "
     "benennt und nicht abgelaufen ist."},
    {"sec-2.4-media-encryption", "Video ist auf jeder Teilstrecke verschlüsselt",
     "Video zeigt Menschen und Orte; auf jeder unverschlüsselten Strecke zwischen Kamera, Server und Client "
     "können andere in diesem Netzwerk zusehen."},
    {"sec-2.5-address-filter", "Nur bekannte Adressen dürfen sich verbinden",
     "Eine Liste erlaubter Adressen hält die Anmeldeseite von jedem Rechner fern, der dort nichts zu suchen hat."},
    {"sec-2.6-concurrent-logins", "Gleichzeitige Anmeldungen sind begrenzt",
     "Grenzen pro Benutzer und für die ganze Plattform verhindern, dass ein gestohlenes Passwort unbemerkt neben "
     "seinem Besitzer benutzt wird und dass eine Flut von Sitzungen den Server lahmlegt."},
    {"sec-2.7-config-backup", "Die Konfiguration ist gesichert",
     "Mit einer aktuellen, verschlüsselten Sicherung ist eine defekte oder manipulierte Konfiguration schnell "
     "wiederhergestellt."},
    {"sec-2.8-network-resume", "Aufzeichnungslücken werden gefüllt oder gemeldet",
     "Bricht die Verbindung zu einer Kamera ab, muss die Lücke aus dem Speicher der Kamera gefüllt werden oder "
     "wenigstens sichtbar sein, damit sich niemand auf eine Aufzeichnung verlässt, die es nicht gibt."},
    {"sec-2.9-redundant-storage", "Aufzeichnungen werden an zwei Orten gespeichert",
     "Eine einzelne ausgefallene Festplatte darf nicht die einzige Kopie der Beweise mit sich nehmen."},
    {"sec-2.10-platform-snmp", "SNMP ist aus oder nutzt v3 mit Verschlüsselung",
     "Alte SNMP-Versionen senden ihren Community-String im Klartext und lassen jeden, der ihn kennt, "
     "Einstellungen lesen oder ändern."},
    {"sec-2.10-device-snmp", "SNMP der Kameras ist aus oder nutzt v3",
     "Eine Kamera, die auf SNMP v1/v2 antwortet, gibt ihre Einstellungen jedem preis, der „public“ errät."},
    // Stufe 3
    {"sec-3.1-network-log", "Protokolle gehen über TLS an einen Syslog-Server",
     "Ein Eindringling kann die Protokolle vor Ort löschen; eine Kopie auf einem anderen Rechner bewahrt die "
     "Spur."},
    {"sec-3.2-device-8021x", "Kameras authentifizieren sich am Netzwerk (802.1X)",
     "Mit 802.1X bekommt ein Laptop, der in die Netzwerkdose einer Kamera gesteckt wird, keinen Netzzugang."},
    {"sec-3.2-host-8021x", "Der Netzwerkanschluss des Servers nutzt 802.1X",
     "Der Switch-Port des Servers entscheidet, wer sich dort anschließen kann, wo der Server steht; nur wer ihn "
     "betreibt, kann bestätigen, wie er eingestellt ist."},
    {"sec-3.3-standby", "Ein Standby-Server kann übernehmen",
     "Fällt der einzige Server aus, stehen Live-Ansicht und Aufzeichnung still, bis jemand ihn repariert."},
    {"sec-3.4-physical", "Geräte sind gegen Diebstahl, Vandalismus und Blitzschlag geschützt",
     "Eine Kamera, die von der Wand gerissen oder von einer Überspannung zerstört wurde, zeichnet nichts auf; "
     "Halterungen, Gehäuse und Überspannungsschutz werden vor Ort geprüft."},
    {"sec-3.5-network-isolation", "Kameras sind in einem eigenen Netzwerk",
     "Kameras im Büronetz sind für alles andere erreichbar und erreichen selbst alles; ein eigenes VLAN oder "
     "Subnetz begrenzt den Schaden, den ein übernommenes Gerät anrichten kann."},
    {"sec-4.4-gateway-binding", "IP- und MAC-Adresse des Gateways sind fest verknüpft",
     "Wird die Adresse des Gateways an seine Hardwareadresse gebunden, scheitert ARP-Spoofing, mit dem sich sonst "
     "ein Rechner im Netzwerk zwischen Kameras und Server schalten kann."},
};

constexpr AuditFixText kFixes[] = {
    {"password-expiry", "Passwörter nach 90 Tagen ablaufen lassen"},
    {"lockout-defaults", "Nach 5 Fehlanmeldungen in 5 Min. für 30 Min. sperren (wo bisher schwächer)"},
    {"session-timeouts", "Sitzungen nach 30 Min. Inaktivität und nach insgesamt 12 Std. beenden (wo bisher länger)"},
    {"concurrent-logins", "Höchstens 4 Sitzungen pro Benutzer und 64 insgesamt zulassen (wo bisher mehr)"},
    {"functions-off", "Netzwerkfunktionen ausschalten, die niemand als benötigt erklärt hat"},
    {"certificate-renew",
     "Ein neues, von der Plattform signiertes Serverzertifikat erstellen, wenn das verwendete bald abläuft"},
    {"device-passwords",
     "Jeder Kamera mit schwachem Passwort ein neues, zufälliges geben (Vigil bewahrt es auf) und zusätzliche "
     "Administratorkonten entfernen"},
    {"device-time", "Kameras auf die Zeitserver der Plattform einstellen"},
    {"device-functions", "Discovery und unverschlüsseltes HTTP der Kameras abschalten und anonyme Konten entfernen"},
};

constexpr AuditFunctionText kFunctions[] = {
    {"https_gateway", "HTTPS-API und Video",
     "Der eine Port, auf dem die Plattform lauscht: Anmeldung, die API, Live- und aufgezeichnetes Video, "
     "WebSocket-Nachrichten.",
     "Immer an: jeder Client braucht ihn. Sein Port wird in den Diensteinstellungen festgelegt."},
    {"plain_http_redirect", "Weiterleitung von unverschlüsseltem HTTP",
     "Ein unverschlüsselter HTTP-Port, der Browser zu HTTPS weiterschickt.",
     "Nicht in dieser Plattform: ein unverschlüsselter HTTP-Port wird nie geöffnet."},
    {"discovery_responder", "Antworten auf Netzwerksuchen (WS-Discovery, mDNS, UPnP)",
     "Antworten auf Suchanfragen im Netzwerk, damit Clients den Server von selbst finden.",
     "Nicht in dieser Plattform: Clients bekommen die Adresse des Servers genannt."},
    {"camera_discovery", "Kamerasuche per Multicast",
     "WS-Discovery-Anfragen ins lokale Netzwerk, wenn ein Administrator nach Kameras sucht; zwischen den Suchen "
     "lauscht nichts.",
     "Aus: nur die Suche an einer einzelnen Adresse (Unicast) ist erlaubt."},
    {"multicast_video", "Multicast-Video", "Video an eine Multicast-Gruppe senden, für jeden Empfänger im Netzwerk.",
     "Nicht in dieser Plattform: Video geht nur über HTTPS an angemeldete Clients."},
    {"rtsp_restream", "RTSP-Weitergabe", "Kamerastreams noch einmal über unverschlüsseltes RTSP anbieten.",
     "Nicht in dieser Plattform: Clients bekommen Video über HTTPS."},
    {"anonymous_access", "Anonymer Zugriff", "Video oder Einstellungen ansehen, ohne sich anzumelden.",
     "Nicht in dieser Plattform: außer Einrichtung, Anmeldung, Zurücksetzen des Passworts und dem CA-Zertifikat "
     "braucht alles eine Sitzung."},
    {"password_reset_email", "Zurücksetzen des Passworts per E-Mail",
     "Ein Code an die hinterlegte E-Mail-Adresse erlaubt es, ein neues Passwort ohne das alte zu setzen.",
     "Auch in den Sicherheitseinstellungen (reset.enabled)."},
    {"smtp", "Ausgehende E-Mail (SMTP)",
     "Verbindungen zu einem Mailserver für Codes zum Zurücksetzen von Passwörtern und für Alarm-E-Mails.",
     "Eingerichtet in den Mail-Einstellungen (PUT /api/v1/settings/smtp); Ausschalten löscht sie, zum Einschalten "
     "müssen sie vorher eingerichtet sein."},
    {"syslog_forwarding", "Protokollweiterleitung (Syslog über TLS)",
     "Das Sicherheitsprotokoll und Ereignisse an einen entfernten Syslog-Server senden.",
     "Empfohlen: an (SEC-3.1, Stufe 3); eingerichtet mit PUT /api/v1/system/network-log."},
    {"snmp", "SNMP-Agent", "Antworten auf Anfragen von Netzwerkmanagement-Werkzeugen.", "Nicht in dieser Plattform."},
    {"ssh", "SSH / entfernte Shell", "Eine entfernte Kommandozeile auf dem Server.",
     "Nicht in dieser Plattform (um das SSH des Rechners kümmert sich, wer den Rechner betreibt)."},
    {"ftp", "Hochladen per FTP / SFTP", "Aufzeichnungen oder Bilder auf einen Dateiserver kopieren.",
     "Nicht in dieser Plattform."},
    {"p2p_cloud", "P2P / Cloud-Relay", "Den Server aus dem Internet über ein Relay des Herstellers erreichen.",
     "Nicht in dieser Plattform."},
};

constexpr AuditLabelText kLabels[] = {
    {ReportText::DocumentTitle, "Vigil-Sicherheitsbericht"},
    {ReportText::PdfTitle, "Vigil-Sicherheitsbericht: %1"},
    {ReportText::Heading, "Sicherheitsbericht: %1"},
    {ReportText::Platform, "Plattform"},
    {ReportText::LevelAudited, "Geprüfte Stufe"},
    {ReportText::ChosenLevel, "Gewählte Stufe"},
    {ReportText::NoneChosen, "keine gewählt"},
    {ReportText::Result, "Ergebnis"},
    {ReportText::LevelMet, "Stufe %1 erfüllt"},
    {ReportText::LevelNotMet, "Stufe %1 NICHT erfüllt"},
    {ReportText::Counts, "%1 bestanden, %2 nicht bestanden, %3 bestätigt, %4 nicht zutreffend, %5 nicht geprüft"},
    {ReportText::Audit, "Prüfung"},
    {ReportText::AuditLine, "%1, begonnen %2, beendet %3, gestartet von: %4"},
    {ReportText::BySchedule, "Zeitplan"},
    {ReportText::Report, "Bericht"},
    {ReportText::ReportLine, "erstellt %1 von %2"},
    {ReportText::Items, "Punkte"},
    {ReportText::Item, "Punkt"},
    {ReportText::Level, "Stufe"},
    {ReportText::State, "Zustand"},
    {ReportText::Evidence, "Nachweis"},
    {ReportText::AttestedBy, "Bestätigt von %1 am %2: %3"},
    {ReportText::FixAvailable, "Korrektur verfügbar: %1"},
    {ReportText::FunctionsHeading, "Netzwerkfunktionen (SEC-1.6), Stand bei Erstellung des Berichts"},
    {ReportText::Function, "Funktion"},
    {ReportText::SecureDefault, "Sichere Voreinstellung"},
    {ReportText::Note, "Hinweis"},
    {ReportText::NotProvided, "nicht in dieser Plattform"},
    {ReportText::On, "an"},
    {ReportText::Off, "aus"},
    {ReportText::DeclaredNeeded, "Von %1 am %2 als benötigt erklärt."},
    {ReportText::Footer,
     "Stufe 2 schließt Stufe 1 ein, Stufe 3 schließt Stufe 2 ein. Nicht geprüft: für den Punkt gibt es in "
     "dieser Version keine Prüfung, oder was die Prüfung braucht, war nicht lesbar; daher kann er nicht als erfüllt "
     "gelten. Sicherheitsprobleme in Vigil melden Sie den "
     "Betreuern über den Issue-Tracker des Projekts, gekennzeichnet mit „security“."},
    {ReportText::StatePass, "BESTANDEN"},
    {ReportText::StateFail, "NICHT BESTANDEN"},
    {ReportText::StateAttested, "BESTÄTIGT"},
    {ReportText::StateNotApplicable, "NICHT ZUTREFFEND"},
    {ReportText::StateUnknown, "NICHT GEPRÜFT"},
};

}  // namespace

const AuditTextTable& germanAuditTexts() {
    static const AuditTextTable kTable{kItems, kFixes, kFunctions, kLabels};
    return kTable;
}

}  // namespace vigil::server
