<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>Neues Passwort wählen</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Wird geändert…</translation>
    </message>
    <message>
        <source>The server asks %1 to choose a new password before going on.</source>
        <translation>Der Server verlangt, dass %1 vor dem Fortfahren ein neues Passwort wählt.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ClientSettingsPage</name>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Default stream for live video</source>
        <translation>Standard-Stream für Live-Video</translation>
    </message>
    <message>
        <source>Buffering: %1 ms</source>
        <translation>Pufferung: %1 ms</translation>
    </message>
    <message>
        <source>Less buffering shows live video sooner; more rides out a busy network.</source>
        <translation>Weniger Pufferung zeigt Live-Video früher; mehr übersteht ein ausgelastetes Netz.</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Play a sound when an alarm comes in</source>
        <translation>Bei eingehendem Alarm einen Ton abspielen</translation>
    </message>
    <message>
        <source>Also in the top bar (%1).</source>
        <translation>Auch in der oberen Leiste (%1).</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Snapshots are saved in</source>
        <translation>Schnappschüsse werden gespeichert in</translation>
    </message>
    <message>
        <source>Exported clips are saved in</source>
        <translation>Exportierte Clips werden gespeichert in</translation>
    </message>
    <message>
        <source>Shortcut keys</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Type the keys (for example Ctrl+Shift+S or F5) and press Enter. Ctrl+1 to Ctrl+9 open the pages of the rail.</source>
        <translation>Tasten eingeben (zum Beispiel Ctrl+Shift+S oder F5) und Enter drücken. Ctrl+1 bis Ctrl+9 öffnen die Seiten der Navigationsleiste.</translation>
    </message>
    <message>
        <source>Restore the default keys</source>
        <translation>Standardtasten wiederherstellen</translation>
    </message>
    <message>
        <source>Stored on this computer in %1</source>
        <translation>Auf diesem Computer gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>Hauptstream</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>Gerät entfernen</translation>
    </message>
    <message>
        <source>The server stops connecting to it and its live video ends now. Its settings and credentials are deleted.</source>
        <translation>Der Server verbindet sich nicht mehr damit, und sein Live-Bild endet sofort. Seine Einstellungen und Zugangsdaten werden gelöscht.</translation>
    </message>
    <message>
        <source>New group in %1</source>
        <translation>Neue Gruppe in %1</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>Keep what it holds</source>
        <translation>Inhalt behalten</translation>
    </message>
    <message>
        <source>Its groups and devices move up one level.</source>
        <translation>Ihre Gruppen und Geräte rücken eine Ebene nach oben.</translation>
    </message>
    <message>
        <source>Its groups are deleted and its devices removed, all the way down.</source>
        <translation>Ihre Gruppen werden gelöscht und ihre Geräte entfernt, bis ganz nach unten.</translation>
    </message>
    <message>
        <source>ORGANISATION</source>
        <translation>ORGANISATION</translation>
    </message>
    <message>
        <source>No groups yet. Ctrl+G makes an organisation; select it to add groups inside.</source>
        <translation>Noch keine Gruppen. Ctrl+G legt eine Organisation an; wählen Sie sie aus, um Gruppen darin anzulegen.</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Discover…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Add camera</source>
        <translation>Kamera hinzufügen</translation>
    </message>
    <message>
        <source>Address to probe (empty: search the local network)</source>
        <translation>Zu prüfende Adresse (leer: lokales Netz durchsuchen)</translation>
    </message>
    <message>
        <source>User for adding</source>
        <translation>Benutzer zum Hinzufügen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>Geräte werden geladen…</translation>
    </message>
    <message>
        <source>No devices yet. Add a camera (Ctrl+N) or discover ONVIF cameras (Ctrl+D).</source>
        <translation>Noch keine Geräte. Fügen Sie eine Kamera hinzu (Ctrl+N) oder suchen Sie ONVIF-Kameras (Ctrl+D).</translation>
    </message>
    <message>
        <source>Add a camera</source>
        <translation>Eine Kamera hinzufügen</translation>
    </message>
    <message>
        <source>Connect by</source>
        <translation>Verbinden über</translation>
    </message>
    <message>
        <source>RTSP URL</source>
        <translation>RTSP-URL</translation>
    </message>
    <message>
        <source>ONVIF address</source>
        <translation>ONVIF-Adresse</translation>
    </message>
    <message>
        <source>ONVIF address (host, host:port or device service URL)</source>
        <translation>ONVIF-Adresse (Host, Host:Port oder URL des Gerätedienstes)</translation>
    </message>
    <message>
        <source>Sub stream RTSP URL (optional)</source>
        <translation>RTSP-URL des Substreams (optional)</translation>
    </message>
    <message>
        <source>Name (empty: the address&apos;s host)</source>
        <translation>Name (leer: der Host der Adresse)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>stored; empty keeps it</source>
        <translation>gespeichert; leer lässt es unverändert</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>A disabled camera is not connected, shown live or recorded.</source>
        <translation>Eine deaktivierte Kamera wird weder verbunden noch live gezeigt oder aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Main: %1</source>
        <translation>Haupt: %1</translation>
    </message>
    <message>
        <source>Sub: %1</source>
        <translation>Sub: %1</translation>
    </message>
    <message>
        <source>Motion…</source>
        <translation>Bewegung…</translation>
    </message>
    <message>
        <source>Server-side motion detection and its regions</source>
        <translation>Serverseitige Bewegungserkennung und ihre Bereiche</translation>
    </message>
</context>
<context>
    <name>EventCenterPage</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Every severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Events and alarms</source>
        <translation>Ereignisse und Alarme</translation>
    </message>
    <message>
        <source>Alarms only</source>
        <translation>Nur Alarme</translation>
    </message>
    <message>
        <source>Pending alarms</source>
        <translation>Offene Alarme</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Every event matching the filters (and in History, the time range) is written, not only this page.</source>
        <translation>Jedes Ereignis, das zu den Filtern (und im Verlauf zum Zeitraum) passt, wird geschrieben, nicht nur diese Seite.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Live (Alt+L)</source>
        <translation>Live (Alt+L)</translation>
    </message>
    <message>
        <source>History (Alt+H)</source>
        <translation>Verlauf (Alt+H)</translation>
    </message>
    <message>
        <source>Rules (Alt+R)</source>
        <translation>Regeln (Alt+R)</translation>
    </message>
    <message>
        <source>%1 pending alarms, %2 new</source>
        <translation>%1 offene Alarme, %2 neu</translation>
    </message>
    <message>
        <source>Sound muted (M)</source>
        <translation>Ton stumm (M)</translation>
    </message>
    <message>
        <source>Sound on (M)</source>
        <translation>Ton an (M)</translation>
    </message>
    <message>
        <source>Last sound: %1</source>
        <translation>Letzter Ton: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Neuere</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Ältere ▶</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No events yet. They appear here as they happen.</source>
        <translation>Noch keine Ereignisse. Sie erscheinen hier, sobald sie eintreten.</translation>
    </message>
    <message>
        <source>Select an event</source>
        <translation>Ein Ereignis auswählen</translation>
    </message>
    <message>
        <source>Live (V) or from the event&apos;s time (Shift+V)</source>
        <translation>Live (V) oder ab dem Zeitpunkt des Ereignisses (Shift+V)</translation>
    </message>
    <message>
        <source>Live (V)</source>
        <translation>Live (V)</translation>
    </message>
    <message>
        <source>At event time (Shift+V)</source>
        <translation>Zum Ereigniszeitpunkt (Shift+V)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Trail</source>
        <translation>Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>Acting on %n checked alarms</source>
        <translation>
            <numerusform>Aktion für %n ausgewählten Alarm</numerusform>
            <numerusform>Aktion für %n ausgewählte Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Acting on the selected alarm</source>
        <translation>Aktion für den gewählten Alarm</translation>
    </message>
    <message>
        <source>Check alarms (Space, Ctrl+Shift+A for all) or select one to act on it</source>
        <translation>Alarme ankreuzen (Leertaste, Ctrl+Shift+A für alle) oder einen auswählen, um ihn zu bearbeiten</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>what was seen, what was done</source>
        <translation>was gesehen wurde, was getan wurde</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
</context>
<context>
    <name>EventRulesPanel</name>
    <message>
        <source>No sound</source>
        <translation>Kein Ton</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Gong</translation>
    </message>
    <message>
        <source>Siren</source>
        <translation>Sirene</translation>
    </message>
    <message numerus="yes">
        <source>%n rules</source>
        <translation>
            <numerusform>%n Regel</numerusform>
            <numerusform>%n Regeln</numerusform>
        </translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>Noch keine Regeln</translation>
    </message>
    <message>
        <source>Choose a rule, or make a new one</source>
        <translation>Eine Regel auswählen oder eine neue anlegen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Debounce (s)</source>
        <translation>Entprellen (s)</translation>
    </message>
    <message>
        <source>When these events happen (none checked: any event)</source>
        <translation>Wenn diese Ereignisse eintreten (keines angekreuzt: jedes Ereignis)</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Do this</source>
        <translation>Dann</translation>
    </message>
    <message>
        <source>Raise an alarm</source>
        <translation>Alarm auslösen</translation>
    </message>
    <message>
        <source>Show the camera on workstations</source>
        <translation>Kamera an den Arbeitsplätzen zeigen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Record the camera</source>
        <translation>Kamera aufzeichnen</translation>
    </message>
    <message>
        <source>Before (s)</source>
        <translation>Vorher (s)</translation>
    </message>
    <message>
        <source>After (s)</source>
        <translation>Nachher (s)</translation>
    </message>
    <message>
        <source>E-mail to (comma-separated; empty: none)</source>
        <translation>E-Mail an (durch Kommas getrennt; leer: keine)</translation>
    </message>
    <message>
        <source>Syslog server over TLS (empty: none)</source>
        <translation>Syslog-Server über TLS (leer: keiner)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>From these cameras (none checked: any source)</source>
        <translation>Von diesen Kameras (keine gewählt: jede Quelle)</translation>
    </message>
    <message>
        <source>From any source (no cameras on this site yet)</source>
        <translation>Von jeder Quelle (noch keine Kameras an diesem Standort)</translation>
    </message>
    <message>
        <source>When the rule works</source>
        <translation>Wann die Regel gilt</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>On chosen days</source>
        <translation>An gewählten Tagen</translation>
    </message>
    <message>
        <source>Its own schedule</source>
        <translation>Eigener Zeitplan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Set through the API: %1. Choose &quot;On chosen days&quot; to replace it.</source>
        <translation>Über die API gesetzt: %1. Wählen Sie „An gewählten Tagen“, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>In the server&apos;s local time. From 22:00 to 06:00 goes on into the next morning; the same time twice is the whole day.</source>
        <translation>In der Ortszeit des Servers. Von 22:00 bis 06:00 reicht bis in den nächsten Morgen; zweimal dieselbe Zeit ist der ganze Tag.</translation>
    </message>
    <message>
        <source>For users (empty: everyone)</source>
        <translation>Für Benutzer (leer: alle)</translation>
    </message>
    <message>
        <source>user, user…</source>
        <translation>Benutzer, Benutzer…</translation>
    </message>
    <message>
        <source>Move a PTZ camera</source>
        <translation>PTZ-Kamera bewegen</translation>
    </message>
    <message>
        <source>No PTZ camera</source>
        <translation>Keine PTZ-Kamera</translation>
    </message>
    <message>
        <source>To the preset</source>
        <translation>Zur Voreinstellung</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Voreinstellung wählen</translation>
    </message>
    <message>
        <source>Load the other version</source>
        <translation>Andere Fassung laden</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Waiting for the first figures from the server…</source>
        <translation>Warte auf die ersten Werte vom Server…</translation>
    </message>
    <message>
        <source>Not connected. Choose a site on the Sites page (Ctrl+2).</source>
        <translation>Nicht verbunden. Wählen Sie einen Standort auf der Seite „Standorte“ (Ctrl+2).</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Network in</source>
        <translation>Netzwerk eingehend</translation>
    </message>
    <message>
        <source>received, all interfaces</source>
        <translation>empfangen, alle Schnittstellen</translation>
    </message>
    <message>
        <source>Network out</source>
        <translation>Netzwerk ausgehend</translation>
    </message>
    <message>
        <source>sent, all interfaces</source>
        <translation>gesendet, alle Schnittstellen</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Vigil %1 · %2 server</source>
        <translation>Vigil %1 · %2-Server</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>noch keine Werte</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>Server-ID</translation>
    </message>
    <message>
        <source>Certificate authority (SHA-256, pinned)</source>
        <translation>Zertifizierungsstelle (SHA-256, festgelegt)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>No service list yet</source>
        <translation>Noch keine Dienstliste</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>%1 online · %2 offline</source>
        <translation>%1 online · %2 offline</translation>
    </message>
    <message>
        <source>no device list yet</source>
        <translation>noch keine Geräteliste</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Wartende Ereignisse</translation>
    </message>
    <message>
        <source>%1 in all · %2 handled</source>
        <translation>%1 insgesamt · %2 erledigt</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Aufzeichnungen</translation>
    </message>
    <message>
        <source>Server load, last 5 minutes</source>
        <translation>Serverlast, letzte 5 Minuten</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>↓%1 ↑%2</source>
        <translation>↓%1 ↑%2</translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>no event center yet</source>
        <translation>noch keine Ereigniszentrale</translation>
    </message>
</context>
<context>
    <name>LicencePage</name>
    <message>
        <source>Save the licence request file</source>
        <translation>Lizenzanfragedatei speichern</translation>
    </message>
    <message>
        <source>Licence request (*.json)</source>
        <translation>Lizenzanfrage (*.json)</translation>
    </message>
    <message>
        <source>Choose the activation file from the vendor</source>
        <translation>Aktivierungsdatei des Herstellers wählen</translation>
    </message>
    <message>
        <source>Activation file (*.json)</source>
        <translation>Aktivierungsdatei (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the Express deactivation file</source>
        <translation>Express-Deaktivierungsdatei wählen</translation>
    </message>
    <message>
        <source>Deactivation file (*.json)</source>
        <translation>Deaktivierungsdatei (*.json)</translation>
    </message>
    <message>
        <source>Save the Express deactivation file</source>
        <translation>Express-Deaktivierungsdatei speichern</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Reading the licence...</source>
        <translation>Lizenz wird gelesen...</translation>
    </message>
    <message>
        <source>Trial — %1</source>
        <translation>Testversion — %1</translation>
    </message>
    <message>
        <source>The system clock was set back. Licence periods are counted from the latest time seen; correct the clock.</source>
        <translation>Die Systemuhr wurde zurückgestellt. Lizenzzeiträume zählen ab der spätesten gesehenen Zeit; stellen Sie die Uhr richtig.</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>KANÄLE</translation>
    </message>
    <message>
        <source>%1 of %2 in use</source>
        <translation>%1 von %2 belegt</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Licensee</source>
        <translation>Lizenznehmer</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Upgraded from</source>
        <translation>Aufgerüstet von</translation>
    </message>
    <message>
        <source>Express %1</source>
        <translation>Express %1</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>The vendor needs the machine and platform ids to move a licence. A licence survives a new network card or disk, not a new machine.</source>
        <translation>Der Hersteller braucht die Maschinen- und Plattform-ID, um eine Lizenz umzuziehen. Eine Lizenz übersteht eine neue Netzwerkkarte oder Festplatte, keine neue Maschine.</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Activation code</source>
        <translation>Aktivierungscode</translation>
    </message>
    <message>
        <source>Upgrade from Express</source>
        <translation>Upgrade von Express</translation>
    </message>
    <message>
        <source>A Pro upgrade code needs the Express activation code, or the Express deactivation file.</source>
        <translation>Ein Pro-Upgradecode braucht den Express-Aktivierungscode oder die Express-Deaktivierungsdatei.</translation>
    </message>
    <message>
        <source>Express activation code</source>
        <translation>Express-Aktivierungscode</translation>
    </message>
    <message>
        <source>or the Express deactivation file</source>
        <translation>oder die Express-Deaktivierungsdatei</translation>
    </message>
    <message>
        <source>Activate online</source>
        <translation>Online aktivieren</translation>
    </message>
    <message>
        <source>Online activation asks %1.</source>
        <translation>Die Online-Aktivierung fragt %1.</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <source>1. Export a request file for the code above. 2. Give it to the vendor (their licence web page or e-mail). 3. Import the activation file they return.</source>
        <translation>1. Exportieren Sie eine Anfragedatei für den Code oben. 2. Geben Sie sie dem Hersteller (seine Lizenz-Webseite oder E-Mail). 3. Importieren Sie die Aktivierungsdatei, die er zurückgibt.</translation>
    </message>
    <message>
        <source>Request file to save</source>
        <translation>Zu speichernde Anfragedatei</translation>
    </message>
    <message>
        <source>/path/to/licence-request.json</source>
        <translation>/pfad/zu/licence-request.json</translation>
    </message>
    <message>
        <source>Export request file</source>
        <translation>Anfragedatei exportieren</translation>
    </message>
    <message>
        <source>Activation file from the vendor</source>
        <translation>Aktivierungsdatei des Herstellers</translation>
    </message>
    <message>
        <source>/path/to/activation.json</source>
        <translation>/pfad/zu/activation.json</translation>
    </message>
    <message>
        <source>Import activation file</source>
        <translation>Aktivierungsdatei importieren</translation>
    </message>
    <message>
        <source>UPGRADE TO PRO</source>
        <translation>AUF PRO AUFRÜSTEN</translation>
    </message>
    <message>
        <source>Upgrading on another machine? Deactivate this Express licence and take the deactivation file with you. This platform then runs on what is left of its trial.</source>
        <translation>Upgrade auf einer anderen Maschine? Deaktivieren Sie diese Express-Lizenz und nehmen Sie die Deaktivierungsdatei mit. Diese Plattform läuft dann mit dem Rest ihrer Testzeit.</translation>
    </message>
    <message>
        <source>Deactivate Express...</source>
        <translation>Express deaktivieren...</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Snapshot saved to %1</source>
        <translation>Schnappschuss gespeichert in %1</translation>
    </message>
    <message>
        <source>No picture to save yet from %1.</source>
        <translation>Von %1 gibt es noch kein Bild zum Speichern.</translation>
    </message>
    <message>
        <source>Unsaved layout</source>
        <translation>Nicht gespeichertes Layout</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>New layout name</source>
        <translation>Name des neuen Layouts</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Stop tour</source>
        <translation>Rundgang beenden</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Rundgang</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Other screen</source>
        <translation>Anderer Bildschirm</translation>
    </message>
    <message>
        <source>Vigil — %1</source>
        <translation>Vigil — %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Keep in layout (K)</source>
        <translation>Im Layout behalten (K)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>LocalFilesPage</name>
    <message>
        <source>Remove this file?</source>
        <translation>Diese Datei entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 goes to the trash of this computer, where it can be restored.</source>
        <translation>%1 wird in den Papierkorb dieses Computers verschoben und kann dort wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <source>Snapshots (%1)</source>
        <translation>Schnappschüsse (%1)</translation>
    </message>
    <message>
        <source>Clips (%1)</source>
        <translation>Clips (%1)</translation>
    </message>
    <message>
        <source>Snapshot folder</source>
        <translation>Schnappschuss-Ordner</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Export-Ordner</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No snapshots or clips yet. Snapshots taken in Live go to %1, exported clips to %2.</source>
        <translation>Noch keine Schnappschüsse oder Clips. Schnappschüsse aus der Live-Ansicht landen in %1, exportierte Clips in %2.</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Schnappschuss</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Open with the system&apos;s player</source>
        <translation>Mit dem Player des Systems öffnen</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Workstation locked</source>
        <translation>Arbeitsplatz gesperrt</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Enter this user&apos;s password to continue.</source>
        <translation>Angemeldet als %1 (%2). Geben Sie das Passwort dieses Benutzers ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>Standort: %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Other site…</source>
        <translation>Anderer Standort…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>About Vigil</source>
        <translation>Über Vigil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Vigil %1 — video management workstation</source>
        <translation>Vigil %1 — Arbeitsplatz für Videomanagement</translation>
    </message>
    <message>
        <source>No alarms waiting: open the Event Center</source>
        <translation>Keine wartenden Alarme: Ereigniszentrale öffnen</translation>
    </message>
    <message>
        <source>Alarm sound is on: turn it off</source>
        <translation>Alarmton ist an: ausschalten</translation>
    </message>
    <message>
        <source>Alarm sound is off: turn it on</source>
        <translation>Alarmton ist aus: einschalten</translation>
    </message>
    <message>
        <source>Lock the workstation</source>
        <translation>Arbeitsplatz sperren</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern…</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>Arbeitsplatz-Einstellungen</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <source>Lock workstation</source>
        <translation>Arbeitsplatz sperren</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>%1 alarms waiting: open the Event Center</source>
        <translation>%1 Alarme warten: Ereigniszentrale öffnen</translation>
    </message>
    <message>
        <source>1 alarm waiting: open the Event Center</source>
        <translation>1 Alarm wartet: Ereigniszentrale öffnen</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 channels in use. Open the Licence page (Ctrl+9) to activate.</source>
        <translation>%1 — %2, %3 von %4 Kanälen belegt. Öffnen Sie die Lizenzseite (Ctrl+9), um zu aktivieren.</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Testversion</translation>
    </message>
</context>
<context>
    <name>MotionDialog</name>
    <message>
        <source>Motion detection · %1</source>
        <translation>Bewegungserkennung · %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>MOTION</source>
        <translation>BEWEGUNG</translation>
    </message>
    <message>
        <source>Server-side motion detection</source>
        <translation>Serverseitige Bewegungserkennung</translation>
    </message>
    <message>
        <source>For cameras that report no motion themselves. Motion events work in rules like a camera&apos;s own.</source>
        <translation>Für Kameras, die selbst keine Bewegung melden. Die Bewegungsereignisse wirken in Regeln wie die der Kamera.</translation>
    </message>
    <message>
        <source>Sensitivity: %1</source>
        <translation>Empfindlichkeit: %1</translation>
    </message>
    <message>
        <source>Low: only large, strong changes count. High: small, faint ones too.</source>
        <translation>Niedrig: nur große, deutliche Änderungen zählen. Hoch: auch kleine, schwache.</translation>
    </message>
    <message>
        <source>DETECTOR</source>
        <translation>DETEKTOR</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <source>REGIONS</source>
        <translation>BEREICHE</translation>
    </message>
    <message>
        <source>%1 of %2 cells count.</source>
        <translation>%1 von %2 Zellen zählen.</translation>
    </message>
    <message>
        <source>Drag over the picture: starting on an empty cell marks cells where motion counts, starting on a marked one clears them. Arrows and Space work too.</source>
        <translation>Über das Bild ziehen: Beginnt der Zug auf einer leeren Zelle, werden Zellen markiert, in denen Bewegung zählt; beginnt er auf einer markierten, werden sie gelöscht. Pfeiltasten und Leertaste gehen auch.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Motion counts everywhere in the picture</source>
        <translation>Bewegung zählt überall im Bild</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Clear every cell, then mark the ones that matter</source>
        <translation>Alle Zellen löschen, dann die wichtigen markieren</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to what the server holds</source>
        <translation>Zurück zu dem, was der Server hat</translation>
    </message>
</context>
<context>
    <name>OnlineUsersPage</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>End the session of %1?</source>
        <translation>Sitzung von %1 beenden?</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Their client is told at once and returns to its sign-in screen. They can sign in again unless their account is disabled.</source>
        <translation>Der Client wird sofort benachrichtigt und kehrt zur Anmeldung zurück. Eine erneute Anmeldung ist möglich, solange das Konto nicht deaktiviert ist.</translation>
    </message>
    <message>
        <source>1 open session</source>
        <translation>1 offene Sitzung</translation>
    </message>
    <message>
        <source>%1 open sessions</source>
        <translation>%1 offene Sitzungen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Sitzungen werden geladen…</translation>
    </message>
    <message>
        <source>No open sessions</source>
        <translation>Keine offenen Sitzungen</translation>
    </message>
</context>
<context>
    <name>PlaybackPage</name>
    <message>
        <source>Cameras</source>
        <translation>Kameras</translation>
    </message>
    <message>
        <source>Choose one or several; they play in step.</source>
        <translation>Eine oder mehrere wählen; sie laufen im Gleichschritt.</translation>
    </message>
    <message>
        <source>No cameras yet. Add one on the Devices page.</source>
        <translation>Noch keine Kameras. Fügen Sie auf der Geräteseite eine hinzu.</translation>
    </message>
    <message>
        <source>Choose a camera on the left to play its recordings.</source>
        <translation>Wählen Sie links eine Kamera, um ihre Aufzeichnungen abzuspielen.</translation>
    </message>
    <message>
        <source>A frame back (,)</source>
        <translation>Ein Bild zurück (,)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>A frame forward (.)</source>
        <translation>Ein Bild vor (.)</translation>
    </message>
    <message>
        <source>Backwards at %1× (J slower, L faster)</source>
        <translation>Rückwärts mit %1× (J langsamer, L schneller)</translation>
    </message>
    <message>
        <source>%1× (J slower, L faster)</source>
        <translation>%1× (J langsamer, L schneller)</translation>
    </message>
    <message>
        <source>2026-11-23 14:30:00</source>
        <translation>2026-11-23 14:30:00</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Select range</source>
        <translation>Bereich wählen</translation>
    </message>
    <message>
        <source>Drag on the timeline to select (or Shift+drag; [ and ] at the playhead)</source>
        <translation>Zum Auswählen auf der Zeitleiste ziehen (oder Shift+Ziehen; [ und ] am Abspielkopf)</translation>
    </message>
    <message>
        <source>Selected %1 – %2 (%3)</source>
        <translation>Ausgewählt %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>No range selected</source>
        <translation>Kein Bereich ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>Export %n clip(s) (Ctrl+X)</source>
        <translation>
            <numerusform>%n Clip exportieren (Ctrl+X)</numerusform>
            <numerusform>%n Clips exportieren (Ctrl+X)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export clip (Ctrl+X)</source>
        <translation>Clip exportieren (Ctrl+X)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Sperrung</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Benutzer angelegt</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>Benutzer geändert</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>Benutzer gelöscht</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>Rolle angelegt</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>Rolle gelöscht</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Einstellung geändert</translation>
    </message>
    <message>
        <source>Address filter changed</source>
        <translation>Adressfilter geändert</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Site set up</source>
        <translation>Standort eingerichtet</translation>
    </message>
    <message>
        <source>Service started, stopped or restarted</source>
        <translation>Dienst gestartet, gestoppt oder neu gestartet</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>An administrator ended your session. Sign in again to continue.</source>
        <translation>Ein Administrator hat Ihre Sitzung beendet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Your session expired. Sign in again to continue.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Your account was disabled by an administrator, so your session ended.</source>
        <translation>Ein Administrator hat Ihr Konto deaktiviert, daher wurde Ihre Sitzung beendet.</translation>
    </message>
    <message>
        <source>Your account was deleted by an administrator, so your session ended.</source>
        <translation>Ein Administrator hat Ihr Konto gelöscht, daher wurde Ihre Sitzung beendet.</translation>
    </message>
    <message>
        <source>Your password was changed from another session, so this one ended. Sign in with the new password.</source>
        <translation>Ihr Passwort wurde in einer anderen Sitzung geändert, daher wurde diese beendet. Melden Sie sich mit dem neuen Passwort an.</translation>
    </message>
    <message>
        <source>This session was signed out elsewhere. Sign in again to continue.</source>
        <translation>Diese Sitzung wurde an anderer Stelle abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>The server ended your session. Sign in again.</source>
        <translation>Der Server hat Ihre Sitzung beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server ended your session (%1). Sign in again.</source>
        <translation>Der Server hat Ihre Sitzung beendet (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Web client</source>
        <translation>Web-Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Delete the role %1?</source>
        <translation>Rolle %1 löschen?</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Users who have this role must be given another one first; the server refuses otherwise.</source>
        <translation>Benutzer mit dieser Rolle müssen zuerst eine andere erhalten; sonst lehnt der Server ab.</translation>
    </message>
    <message>
        <source>1 role</source>
        <translation>1 Rolle</translation>
    </message>
    <message>
        <source>%1 roles</source>
        <translation>%1 Rollen</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Integriert</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Loading roles…</source>
        <translation>Rollen werden geladen…</translation>
    </message>
    <message>
        <source>No roles to show</source>
        <translation>Keine Rollen vorhanden</translation>
    </message>
    <message>
        <source>Built-in roles are fixed so that upgrades can rely on them. Make a new role to grant a different set.</source>
        <translation>Integrierte Rollen sind fest, damit Updates sich auf sie verlassen können. Legen Sie für andere Rechte eine neue Rolle an.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PERMISSIONS</source>
        <translation>BERECHTIGUNGEN</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>Rolle anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SecurityLogPage</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Export the security log</source>
        <translation>Sicherheitsprotokoll exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>All entries matching the current search are written, not only the ones on screen.</source>
        <translation>Es werden alle Einträge der aktuellen Suche geschrieben, nicht nur die angezeigten.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>beliebiger Benutzer</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No entries match</source>
        <translation>Keine passenden Einträge</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsPage</name>
    <message>
        <source>Refuse this workstation?</source>
        <translation>Diesen Arbeitsplatz abweisen?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>Sign-in protection</source>
        <translation>Anmeldeschutz</translation>
    </message>
    <message>
        <source>LOCKOUT AFTER FAILED SIGN-INS</source>
        <translation>SPERRE NACH FEHLGESCHLAGENEN ANMELDUNGEN</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Fehlversuche</translation>
    </message>
    <message>
        <source>Within (minutes)</source>
        <translation>Innerhalb (Minuten)</translation>
    </message>
    <message>
        <source>Lock for (minutes)</source>
        <translation>Sperren für (Minuten)</translation>
    </message>
    <message>
        <source>SESSIONS</source>
        <translation>SITZUNGEN</translation>
    </message>
    <message>
        <source>Idle timeout (minutes)</source>
        <translation>Leerlauf-Zeitlimit (Minuten)</translation>
    </message>
    <message>
        <source>Absolute timeout (minutes)</source>
        <translation>Absolutes Zeitlimit (Minuten)</translation>
    </message>
    <message>
        <source>Most on the platform</source>
        <translation>Höchstens auf der Plattform</translation>
    </message>
    <message>
        <source>Most per user</source>
        <translation>Höchstens pro Benutzer</translation>
    </message>
    <message>
        <source>PASSWORDS AND WORKSTATIONS</source>
        <translation>PASSWÖRTER UND ARBEITSPLÄTZE</translation>
    </message>
    <message>
        <source>Password expiry (days)</source>
        <translation>Passwort-Ablauf (Tage)</translation>
    </message>
    <message>
        <source>Auto-lock (minutes)</source>
        <translation>Automatische Sperre (Minuten)</translation>
    </message>
    <message>
        <source>0 means never, for both. To make one user change the password at the next sign-in, tick it in that user&apos;s editor on the Users page.</source>
        <translation>0 bedeutet bei beiden nie. Damit ein Benutzer sein Passwort bei der nächsten Anmeldung ändert, haken Sie es in seinem Editor auf der Seite „Benutzer“ an.</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Users may reset a forgotten password with an e-mailed code.</source>
        <translation>Benutzer können ein vergessenes Passwort mit einem per E-Mail gesendeten Code zurücksetzen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Address filter</source>
        <translation>Adressfilter</translation>
    </message>
    <message>
        <source>Which client addresses may connect. The console (127.0.0.1, ::1) is always admitted.</source>
        <translation>Welche Client-Adressen sich verbinden dürfen. Die Konsole (127.0.0.1, ::1) ist immer zugelassen.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>ENTRIES, ONE PER LINE</source>
        <translation>EINTRÄGE, EINER PRO ZEILE</translation>
    </message>
    <message>
        <source>Addresses, CIDR ranges or inclusive ranges.</source>
        <translation>Adressen, CIDR-Bereiche oder Von-bis-Bereiche.</translation>
    </message>
    <message>
        <source>E-mail for password reset</source>
        <translation>E-Mail zum Zurücksetzen des Passworts</translation>
    </message>
    <message>
        <source>Changing the mail server needs the system settings permission.</source>
        <translation>Zum Ändern des Mailservers ist die Berechtigung für Systemeinstellungen nötig.</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>A password is stored</source>
        <translation>Ein Passwort ist gespeichert</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>Gespeichertes Passwort entfernen</translation>
    </message>
    <message>
        <source>Leave the field empty and this unticked to keep it.</source>
        <translation>Feld leer lassen und dies nicht anhaken, um es zu behalten.</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>EXTRA CA CERTIFICATE (PEM, OPTIONAL)</source>
        <translation>ZUSÄTZLICHES CA-ZERTIFIKAT (PEM, OPTIONAL)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
</context>
<context>
    <name>SecurityWizard</name>
    <message>
        <source>Judge from the site&apos;s size</source>
        <translation>Nach Größe des Standorts beurteilen</translation>
    </message>
    <message>
        <source>Vigil counts the cameras and user accounts and picks the level.</source>
        <translation>Vigil zählt Kameras und Benutzerkonten und wählt die Stufe.</translation>
    </message>
    <message>
        <source>Home or very small office</source>
        <translation>Zuhause oder sehr kleines Büro</translation>
    </message>
    <message>
        <source>A few cameras looked after by one person.</source>
        <translation>Wenige Kameras, von einer Person betreut.</translation>
    </message>
    <message>
        <source>Small business or shop</source>
        <translation>Kleinbetrieb oder Ladengeschäft</translation>
    </message>
    <message>
        <source>One site, a handful of staff watching.</source>
        <translation>Ein Standort, wenige Mitarbeiter beobachten.</translation>
    </message>
    <message>
        <source>Medium-sized organisation</source>
        <translation>Mittelgroße Organisation</translation>
    </message>
    <message>
        <source>Several operators, cameras on a shared company network.</source>
        <translation>Mehrere Bediener, Kameras im gemeinsamen Firmennetz.</translation>
    </message>
    <message>
        <source>Large organisation or campus</source>
        <translation>Große Organisation oder Campus</translation>
    </message>
    <message>
        <source>Many operators and sites, a security team, auditors.</source>
        <translation>Viele Bediener und Standorte, ein Sicherheitsteam, Prüfer.</translation>
    </message>
    <message>
        <source>Critical infrastructure or public service</source>
        <translation>Kritische Infrastruktur oder öffentlicher Dienst</translation>
    </message>
    <message>
        <source>Energy, transport, water, health, government.</source>
        <translation>Energie, Verkehr, Wasser, Gesundheit, Verwaltung.</translation>
    </message>
    <message>
        <source>Essential</source>
        <translation>Grundlegend</translation>
    </message>
    <message>
        <source>The baseline every site needs: strong passwords and lockout, HTTPS only, an encrypted database, synchronised clocks, current software and nothing open that is not needed.</source>
        <translation>Die Basis für jeden Standort: starke Passwörter und Sperre nach Fehlversuchen, nur HTTPS, eine verschlüsselte Datenbank, synchronisierte Uhren, aktuelle Software und nichts Unnötiges offen.</translation>
    </message>
    <message>
        <source>Enhanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Adds least-privilege accounts, address filtering, a trusted certificate, encrypted video on every leg, configuration backups and recordings kept in two places.</source>
        <translation>Ergänzt Konten mit minimalen Rechten, Adressfilter, ein vertrauenswürdiges Zertifikat, verschlüsseltes Video auf jeder Strecke, Konfigurationssicherungen und Aufzeichnungen an zwei Orten.</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Adds protection around the system: logs sent off the server, 802.1X, cameras on their own network, standby servers and physical protection of the devices.</source>
        <translation>Ergänzt Schutz rund um das System: Protokolle außerhalb des Servers, 802.1X, Kameras in eigenem Netz, Standby-Server und physischer Schutz der Geräte.</translation>
    </message>
</context>
<context>
    <name>SecurityWizardPage</name>
    <message>
        <source>Choose a level</source>
        <translation>Stufe wählen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Apply fixes</source>
        <translation>Korrekturen anwenden</translation>
    </message>
    <message>
        <source>Report and schedule</source>
        <translation>Bericht und Zeitplan</translation>
    </message>
    <message>
        <source>Back (Alt+B)</source>
        <translation>Zurück (Alt+B)</translation>
    </message>
    <message>
        <source>Step 1 of 4: the level is saved as the site&apos;s chosen level when you go on.</source>
        <translation>Schritt 1 von 4: Beim Weitergehen wird die Stufe als gewählte Stufe des Standorts gespeichert.</translation>
    </message>
    <message>
        <source>Step 2 of 4: walk the items; tick the fixes to apply, confirm what only a person can check.</source>
        <translation>Schritt 2 von 4: Punkte durchgehen, anzuwendende Korrekturen ankreuzen, bestätigen, was nur ein Mensch prüfen kann.</translation>
    </message>
    <message>
        <source>Step 3 of 4: the server backs up the configuration before it changes anything.</source>
        <translation>Schritt 3 von 4: Der Server sichert die Konfiguration, bevor er etwas ändert.</translation>
    </message>
    <message>
        <source>Step 4 of 4: keep the report for your auditor, and let the server audit again on a schedule.</source>
        <translation>Schritt 4 von 4: Bericht für Ihren Prüfer aufbewahren und den Server nach Zeitplan erneut prüfen lassen.</translation>
    </message>
    <message>
        <source>Audit level %1 (Alt+N)</source>
        <translation>Stufe %1 prüfen (Alt+N)</translation>
    </message>
    <message>
        <source>Review fixes (Alt+N)</source>
        <translation>Korrekturen prüfen (Alt+N)</translation>
    </message>
    <message>
        <source>Report (Alt+N)</source>
        <translation>Bericht (Alt+N)</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Set up this site</source>
        <translation>Diesen Standort einrichten</translation>
    </message>
    <message>
        <source>This Vigil server is new. Create its administrator account and the means to recover it. Nothing else works until this is done.</source>
        <translation>Dieser Vigil-Server ist neu. Legen Sie sein Administratorkonto und die Wiederherstellung dafür an. Vorher funktioniert nichts anderes.</translation>
    </message>
    <message>
        <source>ADMINISTRATOR</source>
        <translation>ADMINISTRATOR</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>for example admin</source>
        <translation>zum Beispiel admin</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>RECOVERY</source>
        <translation>WIEDERHERSTELLUNG</translation>
    </message>
    <message>
        <source>Reserved e-mail for password reset</source>
        <translation>Hinterlegte E-Mail zum Zurücksetzen des Passworts</translation>
    </message>
    <message>
        <source>Three questions only the administrator can answer. The answers are stored hashed and allow a reset at this server&apos;s own screen.</source>
        <translation>Drei Fragen, die nur der Administrator beantworten kann. Die Antworten werden gehasht gespeichert und erlauben ein Zurücksetzen am eigenen Bildschirm dieses Servers.</translation>
    </message>
    <message>
        <source>Security question 1</source>
        <translation>Sicherheitsfrage 1</translation>
    </message>
    <message>
        <source>for example: the street you grew up on?</source>
        <translation>zum Beispiel: Straße, in der Sie aufgewachsen sind?</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Security question 2</source>
        <translation>Sicherheitsfrage 2</translation>
    </message>
    <message>
        <source>for example: your first employer?</source>
        <translation>zum Beispiel: Ihr erster Arbeitgeber?</translation>
    </message>
    <message>
        <source>Security question 3</source>
        <translation>Sicherheitsfrage 3</translation>
    </message>
    <message>
        <source>for example: a teacher you remember?</source>
        <translation>zum Beispiel: eine Lehrkraft, an die Sie sich erinnern?</translation>
    </message>
    <message>
        <source>Enter creates the site&apos;s administrator.</source>
        <translation>Enter legt den Administrator des Standorts an.</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Wird eingerichtet…</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>This computer (standalone)</source>
        <translation>Dieser Computer (eigenständig)</translation>
    </message>
    <message>
        <source>The server built into this workstation</source>
        <translation>Der in diesen Arbeitsplatz eingebaute Server</translation>
    </message>
    <message>
        <source>Remembered servers</source>
        <translation>Gemerkte Server</translation>
    </message>
    <message>
        <source>None yet. Servers you connect to appear here.</source>
        <translation>Noch keine. Server, mit denen Sie sich verbinden, erscheinen hier.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>server name or IP address</source>
        <translation>Servername oder IP-Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Certificate authority %1</source>
        <translation>Zertifizierungsstelle %1</translation>
    </message>
    <message>
        <source>Forget this site</source>
        <translation>Diesen Standort vergessen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust %1?</source>
        <translation>%1 vertrauen?</translation>
    </message>
    <message>
        <source>This is the first connection to this server. From now on it is recognised by its certificate authority. Compare the fingerprint below with the one the server shows (on its console or from the site&apos;s administrator) before you trust it.</source>
        <translation>Dies ist die erste Verbindung zu diesem Server. Ab jetzt wird er an seiner Zertifizierungsstelle erkannt. Vergleichen Sie den Fingerabdruck unten mit dem, den der Server zeigt (an seiner Konsole oder vom Administrator des Standorts), bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation>Stelle: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>The account and its sessions end now. The security log keeps what it did.</source>
        <translation>Das Konto und seine Sitzungen enden sofort. Das Sicherheitsprotokoll behält, was es getan hat.</translation>
    </message>
    <message>
        <source>1 user</source>
        <translation>1 Benutzer</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 Benutzer</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>Benutzer werden geladen…</translation>
    </message>
    <message>
        <source>No users to show</source>
        <translation>Keine Benutzer vorhanden</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Allowed client addresses (empty: any)</source>
        <translation>Erlaubte Client-Adressen (leer: alle)</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in.</source>
        <translation>Ein deaktivierter Benutzer kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>Must change password at next sign-in</source>
        <translation>Muss das Passwort bei der nächsten Anmeldung ändern</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>PASSWORT</translation>
    </message>
    <message>
        <source>NEW PASSWORD (EMPTY: UNCHANGED)</source>
        <translation>NEUES PASSWORT (LEER: UNVERÄNDERT)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>VAuthFrame</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>VButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>VDeviceTree</name>
    <message>
        <source>Search cameras</source>
        <translation>Kameras suchen</translation>
    </message>
    <message>
        <source>No camera matches “%1”.</source>
        <translation>Keine Kamera passt zu „%1“.</translation>
    </message>
    <message>
        <source>No cameras yet. Add them on the Devices page.</source>
        <translation>Noch keine Kameras. Fügen Sie sie auf der Seite „Geräte“ hinzu.</translation>
    </message>
</context>
<context>
    <name>VDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>VIconButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>VLiveTile</name>
    <message>
        <source>Drop a camera here</source>
        <translation>Kamera hierher ziehen</translation>
    </message>
    <message>
        <source>The video component is missing from this installation.</source>
        <translation>Dieser Installation fehlt die Videokomponente.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Schnappschuss</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Zurück zu Live</translation>
    </message>
    <message>
        <source>Instant replay (last 30 s)</source>
        <translation>Sofortwiederholung (letzte 30 s)</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>Vollbild (F)</translation>
    </message>
    <message>
        <source>Clear tile (Delete)</source>
        <translation>Kachel leeren (Entf)</translation>
    </message>
</context>
<context>
    <name>VNavButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>VPtzPanel</name>
    <message>
        <source>PTZ · %1</source>
        <translation>PTZ · %1</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Neue Voreinstellung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>VStrengthMeter</name>
    <message>
        <source>Strength: high</source>
        <translation>Stärke: hoch</translation>
    </message>
    <message>
        <source>Strength: medium</source>
        <translation>Stärke: mittel</translation>
    </message>
    <message>
        <source>Strength: low</source>
        <translation>Stärke: niedrig</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>nicht akzeptiert</translation>
    </message>
</context>
<context>
    <name>VTimeline</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>Not recorded %1 – %2: %3</source>
        <translation>Nicht aufgezeichnet %1 – %2: %3</translation>
    </message>
</context>
<context>
    <name>WizardAuditStep</name>
    <message>
        <source>Not audited</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Level %1 met</source>
        <translation>Stufe %1 erfüllt</translation>
    </message>
    <message>
        <source>Level %1 not met</source>
        <translation>Stufe %1 nicht erfüllt</translation>
    </message>
    <message>
        <source>%1 pass</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <source>%1 fail</source>
        <translation>%1 nicht bestanden</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 bestätigt</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 nicht zutreffend</translation>
    </message>
    <message>
        <source>%1 not checked</source>
        <translation>%1 nicht geprüft</translation>
    </message>
    <message>
        <source>Audit again (F5)</source>
        <translation>Erneut prüfen (F5)</translation>
    </message>
    <message>
        <source>Audit (F5)</source>
        <translation>Prüfen (F5)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Filter items (Ctrl+F)</source>
        <translation>Punkte filtern (Ctrl+F)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>LEVEL %1</source>
        <translation>STUFE %1</translation>
    </message>
    <message>
        <source>cameras</source>
        <translation>Kameras</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>a person confirms</source>
        <translation>Bestätigung durch Person</translation>
    </message>
    <message>
        <source>✓ fix</source>
        <translation>✓ Korrektur</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>No item matches the filter.</source>
        <translation>Kein Punkt entspricht dem Filter.</translation>
    </message>
    <message>
        <source>Loading the items…</source>
        <translation>Punkte werden geladen…</translation>
    </message>
    <message>
        <source>%1 · level %2 · %3</source>
        <translation>%1 · Stufe %2 · %3</translation>
    </message>
    <message>
        <source>confirmed by a person</source>
        <translation>von einer Person bestätigt</translation>
    </message>
    <message>
        <source>checked on every camera</source>
        <translation>an jeder Kamera geprüft</translation>
    </message>
    <message>
        <source>checked on the platform</source>
        <translation>auf der Plattform geprüft</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Warum es wichtig ist</translation>
    </message>
    <message>
        <source>What the audit saw</source>
        <translation>Was die Prüfung festgestellt hat</translation>
    </message>
    <message>
        <source>No check for this item in this version yet, so it cannot count as met.</source>
        <translation>Für diesen Punkt gibt es in dieser Version noch keine Prüfung, daher kann er nicht als erfüllt gelten.</translation>
    </message>
    <message>
        <source>Not audited yet. Run the audit (F5).</source>
        <translation>Noch nicht geprüft. Starten Sie die Prüfung (F5).</translation>
    </message>
    <message>
        <source>Vigil can fix this</source>
        <translation>Vigil kann dies korrigieren</translation>
    </message>
    <message>
        <source>Apply in step 3 (Space)</source>
        <translation>In Schritt 3 anwenden (Leertaste)</translation>
    </message>
    <message>
        <source>Fix now (Ctrl+Enter)</source>
        <translation>Jetzt korrigieren (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Confirmed by a person</source>
        <translation>Von einer Person bestätigt</translation>
    </message>
    <message>
        <source>No software can see this. Check it on site, then confirm it here as %1: your name, the time and your comment are kept and printed in the report.</source>
        <translation>Keine Software kann das erkennen. Prüfen Sie es vor Ort und bestätigen Sie es hier als %1: Ihr Name, die Uhrzeit und Ihr Kommentar werden gespeichert und im Bericht ausgegeben.</translation>
    </message>
    <message>
        <source>What you checked, and how</source>
        <translation>Was Sie geprüft haben und wie</translation>
    </message>
    <message>
        <source>e.g. walked the site: every camera is on VLAN 30</source>
        <translation>z. B. Standort begangen: jede Kamera ist im VLAN 30</translation>
    </message>
    <message>
        <source>Confirm again</source>
        <translation>Erneut bestätigen</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Bestätigen (Enter)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>The server changes the setting through the same checks as the settings pages, after a configuration backup, and records it in the security log.</source>
        <translation>Der Server ändert die Einstellung nach einer Konfigurationssicherung mit denselben Prüfungen wie die Einstellungsseiten und vermerkt dies im Sicherheitsprotokoll.</translation>
    </message>
</context>
<context>
    <name>WizardFixStep</name>
    <message>
        <source>Chosen fixes</source>
        <translation>Gewählte Korrekturen</translation>
    </message>
    <message>
        <source>Untick what you do not want changed. Fixes are chosen in step 2 (Space on an item).</source>
        <translation>Entfernen Sie das Häkchen bei allem, was nicht geändert werden soll. Korrekturen werden in Schritt 2 gewählt (Leertaste auf einem Punkt).</translation>
    </message>
    <message>
        <source>No fix waiting. After each audit, every failing item that Vigil can mend is listed here, chosen.</source>
        <translation>Keine Korrektur ausstehend. Nach jeder Prüfung erscheint hier jeder nicht bestandene Punkt, den Vigil beheben kann, bereits ausgewählt.</translation>
    </message>
    <message>
        <source>Before it changes anything, the server takes a configuration backup: restoring it undoes every fix.</source>
        <translation>Bevor er etwas ändert, erstellt der Server eine Konfigurationssicherung: Ihre Wiederherstellung macht jede Korrektur rückgängig.</translation>
    </message>
    <message>
        <source>Backup passphrase (empty: the backup schedule&apos;s)</source>
        <translation>Passphrase der Sicherung (leer: die des Sicherungszeitplans)</translation>
    </message>
    <message>
        <source>10 characters or more; a restore asks for it.</source>
        <translation>Mindestens 10 Zeichen; eine Wiederherstellung fragt danach.</translation>
    </message>
    <message>
        <source>Apply again with the passphrase (Enter)</source>
        <translation>Mit der Passphrase erneut anwenden (Enter)</translation>
    </message>
    <message>
        <source>Apply the chosen fixes: %1 (Ctrl+Enter)</source>
        <translation>Gewählte Korrekturen anwenden: %1 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was geändert wurde</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Nothing needed changing.</source>
        <translation>Nichts musste geändert werden.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Nothing applied yet.</source>
        <translation>Noch nichts angewendet.</translation>
    </message>
</context>
<context>
    <name>WizardLevelStep</name>
    <message>
        <source>What kind of site is this?</source>
        <translation>Was für ein Standort ist das?</translation>
    </message>
    <message>
        <source>Up and Down choose.</source>
        <translation>Mit Auf und Ab auswählen.</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Kameras</translation>
    </message>
    <message>
        <source>from the devices list</source>
        <translation>aus der Geräteliste</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <source>people who can sign in</source>
        <translation>Personen mit Zugang</translation>
    </message>
    <message>
        <source>RECOMMENDED</source>
        <translation>EMPFOHLEN</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Choose the level to keep (1, 2, 3). Each level includes everything below it.</source>
        <translation>Wählen Sie die einzuhaltende Stufe (1, 2, 3). Jede Stufe umfasst alle darunterliegenden.</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>WHAT IT CHECKS</source>
        <translation>WAS GEPRÜFT WIRD</translation>
    </message>
    <message>
        <source>WHAT IT ADDS</source>
        <translation>WAS HINZUKOMMT</translation>
    </message>
    <message>
        <source>Items to audit at this level: %1</source>
        <translation>Zu prüfende Punkte auf dieser Stufe: %1</translation>
    </message>
    <message>
        <source>The site&apos;s chosen level today: %1.</source>
        <translation>Derzeit gewählte Stufe des Standorts: %1.</translation>
    </message>
</context>
<context>
    <name>WizardReportStep</name>
    <message>
        <source>Report for your auditor</source>
        <translation>Bericht für Ihren Prüfer</translation>
    </message>
    <message>
        <source>The level, every item with its state and evidence, who confirmed what and when, the date and who made it: as a PDF to file and an HTML page to read or mail.</source>
        <translation>Die Stufe, jeder Punkt mit Zustand und Nachweis, wer was wann bestätigt hat, Datum und Ersteller: als PDF zum Ablegen und als HTML-Seite zum Lesen oder Versenden.</translation>
    </message>
    <message>
        <source>Not audited</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Level %1 met</source>
        <translation>Stufe %1 erfüllt</translation>
    </message>
    <message>
        <source>Level %1 not met</source>
        <translation>Stufe %1 nicht erfüllt</translation>
    </message>
    <message>
        <source>%1 pass</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <source>%1 fail</source>
        <translation>%1 nicht bestanden</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 bestätigt</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 nicht zutreffend</translation>
    </message>
    <message>
        <source>%1 not checked</source>
        <translation>%1 nicht geprüft</translation>
    </message>
    <message>
        <source>Save into this folder</source>
        <translation>In diesem Ordner speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save PDF and HTML (Ctrl+S)</source>
        <translation>PDF und HTML speichern (Ctrl+S)</translation>
    </message>
    <message>
        <source>Open report (Ctrl+O)</source>
        <translation>Bericht öffnen (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Keep the level</source>
        <translation>Stufe einhalten</translation>
    </message>
    <message>
        <source>The site&apos;s chosen level (Alt+L)</source>
        <translation>Gewählte Stufe des Standorts (Alt+L)</translation>
    </message>
    <message>
        <source>Level %1 — %2</source>
        <translation>Stufe %1 — %2</translation>
    </message>
    <message>
        <source>Audit again automatically (Alt+S)</source>
        <translation>Automatisch erneut prüfen (Alt+S)</translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>Prüfung läuft…</translation>
    </message>
    <message>
        <source>Audit again now (F5)</source>
        <translation>Jetzt erneut prüfen (F5)</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>Sicherheits­protokoll</translation>
    </message>
    <message>
        <source>Security settings</source>
        <translation>Sicherheits­einstellungen</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Event Center</source>
        <translation>Ereignis­zentrale</translation>
    </message>
    <message>
        <source>Security wizard</source>
        <translation>Sicherheits­assistent</translation>
    </message>
</context>
<context>
    <name>vigil::app::AuditItemModel</name>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Mangel</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Entfällt</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Not audited yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Confirmed by %1 on %2</source>
        <translation>Bestätigt von %1 am %2</translation>
    </message>
    <message>
        <source>Confirmed by %1: %2</source>
        <translation>Bestätigt von %1: %2</translation>
    </message>
    <message>
        <source>Nobody has confirmed this yet.</source>
        <translation>Noch von niemandem bestätigt.</translation>
    </message>
</context>
<context>
    <name>vigil::app::ClientSettings</name>
    <message>
        <source>Lock the workstation</source>
        <translation>Arbeitsplatz sperren</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Alarm sound on or off</source>
        <translation>Alarmton ein oder aus</translation>
    </message>
    <message>
        <source>Open the Event Center</source>
        <translation>Ereigniszentrale öffnen</translation>
    </message>
    <message>
        <source>Snapshot of the selected tile</source>
        <translation>Schnappschuss der gewählten Kachel</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>Lokale Dateien</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>Arbeitsplatz-Einstellungen</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1. Check that the folder is writable.</source>
        <translation>Die Einstellungen konnten nicht in %1 gespeichert werden. Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The default stream must be automatic, main or sub, not &quot;%1&quot;.</source>
        <translation>Der Standard-Stream muss automatisch, Haupt- oder Substream sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Automatic (by tile size)</source>
        <translation>Automatisch (nach Kachelgröße)</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>Hauptstream</translation>
    </message>
    <message>
        <source>Sub stream</source>
        <translation>Substream</translation>
    </message>
    <message>
        <source>Buffering must be from %1 to %2 ms.</source>
        <translation>Die Pufferung muss zwischen %1 und %2 ms liegen.</translation>
    </message>
    <message>
        <source>Give the folder&apos;s full path, for example %1.</source>
        <translation>Geben Sie den vollständigen Pfad des Ordners an, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check that the disk is writable, or choose another folder in Settings.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden. Prüfen Sie, ob der Datenträger beschreibbar ist, oder wählen Sie in den Einstellungen einen anderen Ordner.</translation>
    </message>
    <message>
        <source>There is no action &quot;%1&quot; to give keys to.</source>
        <translation>Es gibt keine Aktion „%1“, der Tasten zugewiesen werden können.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key combination. Write it like Ctrl+Shift+S or F5.</source>
        <translation>„%1“ ist keine Tastenkombination. Schreiben Sie sie wie Ctrl+Shift+S oder F5.</translation>
    </message>
    <message>
        <source>%1 opens a page of the rail. Choose other keys.</source>
        <translation>%1 öffnet eine Seite der Navigationsleiste. Wählen Sie andere Tasten.</translation>
    </message>
    <message>
        <source>%1 is already used for &quot;%2&quot;. Change that one first.</source>
        <translation>%1 wird bereits für „%2“ verwendet. Ändern Sie zuerst diese.</translation>
    </message>
</context>
<context>
    <name>vigil::app::DeviceListModel</name>
    <message>
        <source>No devices</source>
        <translation>Keine Geräte</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), %1 online</source>
        <translation>
            <numerusform>%n Gerät, %1 online</numerusform>
            <numerusform>%n Geräte, %1 online</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Wrong credentials</source>
        <translation>Falsche Zugangsdaten</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>Streamfehler</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>No driver</source>
        <translation>Kein Treiber</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>waiting for the stream</source>
        <translation>wartet auf den Stream</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Enter the camera&apos;s address: an RTSP URL (rtsp://host:554/path) or, for ONVIF, its host name or IP address.</source>
        <translation>Geben Sie die Adresse der Kamera ein: eine RTSP-URL (rtsp://host:554/pfad) oder, für ONVIF, ihren Hostnamen oder ihre IP-Adresse.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %1, firmware %2, %n channel(s).</source>
        <translation>
            <numerusform>Verbunden: %1, Firmware %2, %n Kanal.</numerusform>
            <numerusform>Verbunden: %1, Firmware %2, %n Kanäle.</numerusform>
        </translation>
    </message>
    <message>
        <source>the camera answered</source>
        <translation>die Kamera hat geantwortet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host or host:port. Enter an address such as 192.168.1.20 or 192.168.1.20:3702, or leave it empty to search the local network.</source>
        <translation>„%1“ ist kein Host und kein Host:Port. Geben Sie eine Adresse wie 192.168.1.20 oder 192.168.1.20:3702 ein, oder lassen Sie das Feld leer, um das lokale Netz zu durchsuchen.</translation>
    </message>
    <message>
        <source>Searching for ONVIF cameras…</source>
        <translation>ONVIF-Kameras werden gesucht…</translation>
    </message>
    <message numerus="yes">
        <source>Search cancelled; %n camera(s) found.</source>
        <translation>
            <numerusform>Suche abgebrochen; %n Kamera gefunden.</numerusform>
            <numerusform>Suche abgebrochen; %n Kameras gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No ONVIF camera answered. Check that the cameras are on this network (or enter one&apos;s address to probe) and that ONVIF discovery is on.</source>
        <translation>Keine ONVIF-Kamera hat geantwortet. Prüfen Sie, ob die Kameras in diesem Netz sind (oder geben Sie die Adresse einer Kamera zum Prüfen ein) und ob die ONVIF-Erkennung eingeschaltet ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) found.</source>
        <translation>
            <numerusform>%n Kamera gefunden.</numerusform>
            <numerusform>%n Kameras gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(keine Gruppe)</translation>
    </message>
    <message>
        <source>Enter the group&apos;s name.</source>
        <translation>Geben Sie den Namen der Gruppe ein.</translation>
    </message>
</context>
<context>
    <name>vigil::app::EmbeddedEngine</name>
    <message>
        <source>The engine has no HTTPS service.</source>
        <translation>Die Engine hat keinen HTTPS-Dienst.</translation>
    </message>
</context>
<context>
    <name>vigil::app::EventCenterModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>kommentiert</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Device online</source>
        <translation>Gerät online</translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation>Gerät offline</translation>
    </message>
    <message>
        <source>Device refused the credentials</source>
        <translation>Gerät hat die Anmeldedaten abgelehnt</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>Streamfehler</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Motion ended</source>
        <translation>Bewegung beendet</translation>
    </message>
    <message>
        <source>Camera event</source>
        <translation>Kameraereignis</translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation>Speicherproblem</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Aufzeichnung gestoppt</translation>
    </message>
    <message>
        <source>Recording gap</source>
        <translation>Aufzeichnungslücke</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Sperrung</translation>
    </message>
    <message>
        <source>Server health</source>
        <translation>Serverzustand</translation>
    </message>
    <message>
        <source>Manual alarm</source>
        <translation>Manueller Alarm</translation>
    </message>
    <message>
        <source>Repeated events</source>
        <translation>Wiederholte Ereignisse</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message numerus="yes">
        <source>%n events, newest first</source>
        <translation>
            <numerusform>%n Ereignis, neueste zuerst</numerusform>
            <numerusform>%n Ereignisse, neueste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a time range and search.</source>
        <translation>Einen Zeitraum wählen und suchen.</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>Keine Ereignisse gefunden.</translation>
    </message>
    <message>
        <source>Page %1: events %2 to %3</source>
        <translation>Seite %1: Ereignisse %2 bis %3</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Write times as %1 or %2, or leave them empty.</source>
        <translation>Zeiten als %1 oder %2 schreiben oder leer lassen.</translation>
    </message>
    <message>
        <source>The end of the time range is before its start.</source>
        <translation>Das Ende des Zeitraums liegt vor seinem Beginn.</translation>
    </message>
    <message>
        <source>Check the alarms to act on first.</source>
        <translation>Zuerst die zu bearbeitenden Alarme ankreuzen.</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Zuerst den Kommentar schreiben.</translation>
    </message>
    <message numerus="yes">
        <source>%n alarms %1.</source>
        <translation>
            <numerusform>%n Alarm %1.</numerusform>
            <numerusform>%n Alarme %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Say what the alarm is about.</source>
        <translation>Sagen, worum es bei dem Alarm geht.</translation>
    </message>
    <message>
        <source>Alarm raised.</source>
        <translation>Alarm ausgelöst.</translation>
    </message>
    <message>
        <source>Name the file to export to.</source>
        <translation>Die Zieldatei für den Export angeben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Einen anderen Ordner wählen.</translation>
    </message>
    <message numerus="yes">
        <source>%n events exported to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time synchronisation</source>
        <translation>Zeitsynchronisation</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Zertifikatsablauf</translation>
    </message>
    <message>
        <source>Security level dropped</source>
        <translation>Sicherheitsstufe unterschritten</translation>
    </message>
</context>
<context>
    <name>vigil::app::EventRuleModel</name>
    <message>
        <source>When %1 → %2</source>
        <translation>Wenn %1 → %2</translation>
    </message>
    <message>
        <source>any event</source>
        <translation>jedes Ereignis</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>Regel „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; deleted.</source>
        <translation>Regel „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>, on schedule</source>
        <translation>, nach Zeitplan</translation>
    </message>
    <message>
        <source>The schedule has no day: the rule would never fire. Check the days it works on, or choose &quot;Always&quot;.</source>
        <translation>Der Zeitplan hat keinen Tag: Die Regel würde nie auslösen. Wählen Sie die Tage, an denen sie gilt, oder „Immer“.</translation>
    </message>
    <message>
        <source>The schedule&apos;s times must be written as HH:mm, 00:00 to 24:00 (for example 22:00 to 06:00).</source>
        <translation>Die Zeiten des Zeitplans müssen als HH:mm geschrieben werden, 00:00 bis 24:00 (zum Beispiel 22:00 bis 06:00).</translation>
    </message>
    <message>
        <source>Choose the preset the PTZ camera moves to, or no PTZ camera.</source>
        <translation>Wählen Sie die Voreinstellung, zu der die PTZ-Kamera fährt, oder keine PTZ-Kamera.</translation>
    </message>
    <message numerus="yes">
        <source> from %n source(s)</source>
        <translation>
            <numerusform> von %n Quelle</numerusform>
            <numerusform> von %n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>record</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>pop-up</source>
        <translation>Pop-up</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>PTZ preset</source>
        <translation>PTZ-Voreinstellung</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; was deleted elsewhere while you were editing it. Your form is kept: Save makes the rule again, Cancel lets it go.</source>
        <translation>Die Regel „%1“ wurde woanders gelöscht, während Sie sie bearbeitet haben. Ihr Formular bleibt erhalten: Speichern legt die Regel neu an, Abbrechen verwirft sie.</translation>
    </message>
    <message>
        <source>%1 deleted the rule &quot;%2&quot; while you were editing it. Your form is kept: Save makes the rule again, Cancel lets it go.</source>
        <translation>%1 hat die Regel „%2“ gelöscht, während Sie sie bearbeitet haben. Ihr Formular bleibt erhalten: Speichern legt die Regel neu an, Abbrechen verwirft sie.</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; was changed elsewhere while you were editing it. Your form is kept: Save puts your version over it, or load the other version.</source>
        <translation>Die Regel „%1“ wurde woanders geändert, während Sie sie bearbeitet haben. Ihr Formular bleibt erhalten: Speichern setzt Ihre Fassung darüber, oder laden Sie die andere Fassung.</translation>
    </message>
    <message>
        <source>%1 changed the rule &quot;%2&quot; while you were editing it. Your form is kept: Save puts your version over it, or load the other version.</source>
        <translation>%1 hat die Regel „%2“ geändert, während Sie sie bearbeitet haben. Ihr Formular bleibt erhalten: Speichern setzt Ihre Fassung darüber, oder laden Sie die andere Fassung.</translation>
    </message>
</context>
<context>
    <name>vigil::app::ExportListModel</name>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>vigil::app::LicenceModel</name>
    <message>
        <source>Licensed, %1</source>
        <translation>Lizenziert, %1</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>Lizenziert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Cascade parent</source>
        <translation>Kaskaden-Elternserver</translation>
    </message>
    <message>
        <source>Sub servers</source>
        <translation>Unterserver</translation>
    </message>
    <message>
        <source>Hot standby</source>
        <translation>Hot Standby</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>Videowand</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Kein Enddatum</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>1 Tag übrig</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>%1 Tage übrig</translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: %3. Choose the file again.</source>
        <translation>%1 %2 kann nicht gelesen werden: %3. Wählen Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 is not a %2 (it is not a JSON object). Choose the file as Vigil or the vendor made it.</source>
        <translation>%1 ist keine %2 (es ist kein JSON-Objekt). Wählen Sie die Datei so, wie Vigil oder der Hersteller sie erstellt hat.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Enter the activation code from the vendor.</source>
        <translation>Geben Sie den Aktivierungscode des Herstellers ein.</translation>
    </message>
    <message>
        <source>Express deactivation file</source>
        <translation>Express-Deaktivierungsdatei</translation>
    </message>
    <message>
        <source>Asking the vendor&apos;s activation service...</source>
        <translation>Der Aktivierungsdienst des Herstellers wird gefragt...</translation>
    </message>
    <message>
        <source>Activated online: %1, %2 channels.</source>
        <translation>Online aktiviert: %1, %2 Kanäle.</translation>
    </message>
    <message>
        <source>Making the request file...</source>
        <translation>Anfragedatei wird erstellt...</translation>
    </message>
    <message>
        <source>Request file saved to %1. Give it to the vendor and import the activation file they return.</source>
        <translation>Anfragedatei gespeichert unter %1. Geben Sie sie dem Hersteller und importieren Sie die Aktivierungsdatei, die er zurückgibt.</translation>
    </message>
    <message>
        <source>activation file</source>
        <translation>Aktivierungsdatei</translation>
    </message>
    <message>
        <source>Importing the activation file...</source>
        <translation>Aktivierungsdatei wird importiert...</translation>
    </message>
    <message>
        <source>Activation file imported: %1, %2 channels.</source>
        <translation>Aktivierungsdatei importiert: %1, %2 Kanäle.</translation>
    </message>
    <message>
        <source>Deactivating the Express licence...</source>
        <translation>Express-Lizenz wird deaktiviert...</translation>
    </message>
    <message>
        <source>Express licence deactivated; the deactivation file is at %1. Use it with the Pro upgrade code.</source>
        <translation>Express-Lizenz deaktiviert; die Deaktivierungsdatei liegt unter %1. Verwenden Sie sie mit dem Pro-Upgradecode.</translation>
    </message>
</context>
<context>
    <name>vigil::app::LiveView</name>
    <message>
        <source>Every tile is in use. Drag the camera onto a tile to replace its picture, or choose a larger layout.</source>
        <translation>Alle Kacheln sind belegt. Ziehen Sie die Kamera auf eine Kachel, um deren Bild zu ersetzen, oder wählen Sie ein größeres Layout.</translation>
    </message>
    <message>
        <source>The snapshot folder %1 cannot be created. Choose another folder in the settings.</source>
        <translation>Der Schnappschuss-Ordner %1 kann nicht angelegt werden. Wählen Sie in den Einstellungen einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Layout “%1” saved.</source>
        <translation>Layout „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Give the layout a name to save it.</source>
        <translation>Geben Sie dem Layout einen Namen, um es zu speichern.</translation>
    </message>
    <message>
        <source>That layout is gone; it may have been deleted on another workstation.</source>
        <translation>Dieses Layout gibt es nicht mehr; es wurde vielleicht an einem anderen Arbeitsplatz gelöscht.</translation>
    </message>
    <message>
        <source>Put cameras into tiles first: the tour shows each of them in turn.</source>
        <translation>Legen Sie zuerst Kameras in Kacheln: Der Rundgang zeigt sie nacheinander.</translation>
    </message>
    <message>
        <source>Those tiles cannot be joined: tile %1 would be cut in two. Choose tiles that make a rectangle.</source>
        <translation>Diese Kacheln lassen sich nicht verbinden: Kachel %1 würde geteilt. Wählen Sie Kacheln, die ein Rechteck bilden.</translation>
    </message>
</context>
<context>
    <name>vigil::app::LocalFilesModel</name>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1.</translation>
    </message>
    <message>
        <source>No file manager on this computer opens %1.</source>
        <translation>Kein Dateimanager auf diesem Computer öffnet %1.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>vigil::app::MotionSettingsModel</name>
    <message>
        <source>Off.</source>
        <translation>Aus.</translation>
    </message>
    <message>
        <source>Off. Turn it on to have the server watch this camera&apos;s picture.</source>
        <translation>Aus. Einschalten, damit der Server das Bild dieser Kamera beobachtet.</translation>
    </message>
    <message>
        <source>Waiting for the stream.</source>
        <translation>Wartet auf den Stream.</translation>
    </message>
    <message>
        <source>Watching; no motion.</source>
        <translation>Beobachtet; keine Bewegung.</translation>
    </message>
    <message>
        <source>Motion now.</source>
        <translation>Jetzt Bewegung.</translation>
    </message>
    <message>
        <source>Failed: the server cannot read the stream.</source>
        <translation>Fehlgeschlagen: der Server kann den Stream nicht lesen.</translation>
    </message>
    <message>
        <source>Reads the sub stream.</source>
        <translation>Liest den Substream.</translation>
    </message>
    <message>
        <source>Reads the main stream.</source>
        <translation>Liest den Hauptstream.</translation>
    </message>
    <message>
        <source>%1 video packets received, %2 dropped before decoding, %3 pictures compared.</source>
        <translation>%1 Videopakete empfangen, %2 vor dem Dekodieren verworfen, %3 Bilder verglichen.</translation>
    </message>
    <message>
        <source>No motion seen yet.</source>
        <translation>Noch keine Bewegung erkannt.</translation>
    </message>
    <message>
        <source>Last motion %1.</source>
        <translation>Letzte Bewegung %1.</translation>
    </message>
    <message>
        <source>There is no cell at column %1, row %2: the grid has %3 columns and %4 rows.</source>
        <translation>Es gibt keine Zelle in Spalte %1, Zeile %2: das Raster hat %3 Spalten und %4 Zeilen.</translation>
    </message>
    <message>
        <source>These regions cannot be used: %1</source>
        <translation>Diese Bereiche sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>vigil::app::PlaybackController</name>
    <message>
        <source>At most %1 cameras play together. Remove one before adding another.</source>
        <translation>Höchstens %1 Kameras laufen zusammen. Entfernen Sie eine, bevor Sie eine weitere hinzufügen.</translation>
    </message>
    <message>
        <source>Cannot read the recordings of %1: %2</source>
        <translation>Die Aufzeichnungen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a date and time. Write it as 2026-11-23 14:30:00, 2026-11-23 or 14:30.</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit. Schreiben Sie es als 2026-11-23 14:30:00, 2026-11-23 oder 14:30.</translation>
    </message>
    <message>
        <source>%1 is in the future: nothing is recorded yet.</source>
        <translation>%1 liegt in der Zukunft: Es ist noch nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Your role may not export video. Ask an administrator for the export permission.</source>
        <translation>Ihre Rolle darf kein Video exportieren. Bitten Sie einen Administrator um die Exportberechtigung.</translation>
    </message>
    <message>
        <source>Choose a camera first.</source>
        <translation>Wählen Sie zuerst eine Kamera.</translation>
    </message>
    <message>
        <source>Select the range to export on the timeline first (Shift+drag, or [ and ] at the playhead).</source>
        <translation>Wählen Sie zuerst den zu exportierenden Bereich auf der Zeitleiste (Shift+Ziehen, oder [ und ] am Abspielkopf).</translation>
    </message>
    <message>
        <source>An export covers at most 24 hours. Select a shorter range.</source>
        <translation>Ein Export umfasst höchstens 24 Stunden. Wählen Sie einen kürzeren Bereich.</translation>
    </message>
    <message>
        <source>The export of %1 did not start: %2</source>
        <translation>Der Export von %1 hat nicht begonnen: %2</translation>
    </message>
</context>
<context>
    <name>vigil::app::RoleListModel</name>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>All permissions</source>
        <translation>Alle Berechtigungen</translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>Keine Berechtigungen</translation>
    </message>
    <message>
        <source>%1 is a built-in role and cannot be changed. Make a new role instead.</source>
        <translation>%1 ist eine integrierte Rolle und kann nicht geändert werden. Legen Sie stattdessen eine neue Rolle an.</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>Geben Sie der Rolle einen Namen.</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecurityLogModel</name>
    <message>
        <source>The newest %1 of %2 matching entries. Narrow the search, or export all of them.</source>
        <translation>Die neuesten %1 von %2 passenden Einträgen. Grenzen Sie die Suche ein oder exportieren Sie alle.</translation>
    </message>
    <message numerus="yes">
        <source>%n matching entries</source>
        <translation>
            <numerusform>%n passender Eintrag</numerusform>
            <numerusform>%n passende Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Write times as %1 or %2, or leave them empty.</source>
        <translation>Schreiben Sie Zeiten als %1 oder %2, oder lassen Sie sie leer.</translation>
    </message>
    <message>
        <source>The end of the time range is before its start.</source>
        <translation>Das Ende des Zeitraums liegt vor seinem Beginn.</translation>
    </message>
    <message>
        <source>Enter the path of the CSV file to write.</source>
        <translation>Geben Sie den Pfad der zu schreibenden CSV-Datei ein.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose an existing folder.</source>
        <translation>Der Ordner %1 existiert nicht. Wählen Sie einen vorhandenen Ordner.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another place.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecuritySettingsModel</name>
    <message>
        <source>0 (never)</source>
        <translation>0 (nie)</translation>
    </message>
    <message>
        <source>Use %1 to %2.</source>
        <translation>Verwenden Sie %1 bis %2.</translation>
    </message>
    <message>
        <source>Off: every address</source>
        <translation>Aus: alle Adressen</translation>
    </message>
    <message>
        <source>Allow list: only these addresses</source>
        <translation>Erlaubnisliste: nur diese Adressen</translation>
    </message>
    <message>
        <source>Deny list: all but these addresses</source>
        <translation>Sperrliste: alle außer diesen Adressen</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meist Port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (meist Port 465)</translation>
    </message>
    <message>
        <source>Some values are out of range; see the fields marked in red.</source>
        <translation>Einige Werte liegen außerhalb des Bereichs; siehe die rot markierten Felder.</translation>
    </message>
    <message>
        <source>Saved. New sign-ins and sessions follow these settings.</source>
        <translation>Gespeichert. Neue Anmeldungen und Sitzungen folgen diesen Einstellungen.</translation>
    </message>
    <message>
        <source>Saved. The filter applies to new connections and requests at once.</source>
        <translation>Gespeichert. Der Filter gilt sofort für neue Verbindungen und Anfragen.</translation>
    </message>
    <message>
        <source>Enter the mail server&apos;s name, such as smtp.example.com.</source>
        <translation>Geben Sie den Namen des Mailservers ein, etwa smtp.example.com.</translation>
    </message>
    <message>
        <source>Enter the address the e-mails come from.</source>
        <translation>Geben Sie die Absenderadresse der E-Mails ein.</translation>
    </message>
    <message>
        <source>Saved. Send a test e-mail to check the settings.</source>
        <translation>Gespeichert. Senden Sie eine Test-E-Mail, um die Einstellungen zu prüfen.</translation>
    </message>
    <message>
        <source>The mail server accepted the test e-mail for the reserved address.</source>
        <translation>Der Mailserver hat die Test-E-Mail an die hinterlegte Adresse angenommen.</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecurityWizard</name>
    <message>
        <source>Looking at the site…</source>
        <translation>Standort wird untersucht…</translation>
    </message>
    <message>
        <source>Cameras: %1, user accounts: %2. Level %3 suits a site of this size.</source>
        <translation>Kameras: %1, Benutzerkonten: %2. Stufe %3 passt zu einem Standort dieser Größe.</translation>
    </message>
    <message>
        <source>%1: level %2 is the baseline for this kind of site.</source>
        <translation>%1: Stufe %2 ist die Basis für diese Art von Standort.</translation>
    </message>
    <message>
        <source>A higher level is better still where the site can keep it up.</source>
        <translation>Eine höhere Stufe ist noch besser, wenn der Standort sie dauerhaft einhalten kann.</translation>
    </message>
    <message>
        <source>Starting the audit…</source>
        <translation>Prüfung wird gestartet…</translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>Prüfung läuft…</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>Ergebnisse werden gelesen…</translation>
    </message>
    <message>
        <source>Audit cancelled; the results shown are from the audit before.</source>
        <translation>Prüfung abgebrochen; angezeigt werden die Ergebnisse der vorherigen Prüfung.</translation>
    </message>
    <message>
        <source>The audit failed.</source>
        <translation>Die Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No audit yet.</source>
        <translation>Noch keine Prüfung.</translation>
    </message>
    <message>
        <source>Level %1 audit of %2 (scheduled)</source>
        <translation>Prüfung der Stufe %1 vom %2 (geplant)</translation>
    </message>
    <message>
        <source>Level %1 audit of %2 by %3</source>
        <translation>Prüfung der Stufe %1 vom %2 durch %3</translation>
    </message>
    <message>
        <source>below the chosen level %1: audit again to see its items</source>
        <translation>unter der gewählten Stufe %1: erneut prüfen, um ihre Punkte zu sehen</translation>
    </message>
    <message>
        <source>changes since: audit again to confirm them</source>
        <translation>seitdem geändert: zur Bestätigung erneut prüfen</translation>
    </message>
    <message>
        <source>Say what you checked and how, so an auditor can follow it (for example: &quot;walked the site, all cameras on VLAN 30&quot;).</source>
        <translation>Geben Sie an, was Sie wie geprüft haben, damit ein Prüfer es nachvollziehen kann (zum Beispiel: „Standort begangen, alle Kameras im VLAN 30“).</translation>
    </message>
    <message>
        <source>Your confirmation of &quot;%1&quot; is recorded with your name and the time.</source>
        <translation>Ihre Bestätigung von „%1“ wurde mit Ihrem Namen und der Uhrzeit gespeichert.</translation>
    </message>
    <message>
        <source>The confirmation of &quot;%1&quot; is withdrawn.</source>
        <translation>Die Bestätigung von „%1“ wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>No fix is chosen. Tick the fixes to apply in the audit step.</source>
        <translation>Keine Korrektur gewählt. Kreuzen Sie im Prüfschritt die anzuwendenden Korrekturen an.</translation>
    </message>
    <message>
        <source>Taking a configuration backup before any change…</source>
        <translation>Konfigurationssicherung vor jeder Änderung…</translation>
    </message>
    <message>
        <source>Applying fixes: %1 of %2 done</source>
        <translation>Korrekturen werden angewendet: %1 von %2 erledigt</translation>
    </message>
    <message>
        <source>Fixes applied. Auditing again to confirm them…</source>
        <translation>Korrekturen angewendet. Erneute Prüfung zur Bestätigung…</translation>
    </message>
    <message>
        <source>Cancelled: the fixes listed below were applied before the cancel.</source>
        <translation>Abgebrochen: Die unten aufgeführten Korrekturen wurden vor dem Abbruch angewendet.</translation>
    </message>
    <message>
        <source>Nothing was changed: the backup taken before the fixes needs a passphrase (10 characters or more). Enter one below and press Enter to apply again; keep it, a restore asks for it.</source>
        <translation>Nichts wurde geändert: Die Sicherung vor den Korrekturen braucht eine Passphrase (mindestens 10 Zeichen). Geben Sie unten eine ein und drücken Sie Enter, um erneut anzuwenden; bewahren Sie sie auf, eine Wiederherstellung fragt danach.</translation>
    </message>
    <message>
        <source>The fixes failed.</source>
        <translation>Die Korrekturen sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No backup was taken: %1</source>
        <translation>Keine Sicherung erstellt: %1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>Fixes applied and audited again: the states below are what the audit sees now.</source>
        <translation>Korrekturen angewendet und erneut geprüft: Die Zustände unten zeigen das aktuelle Prüfergebnis.</translation>
    </message>
    <message>
        <source>Auditing again first, so the report includes the changes made since the last audit…</source>
        <translation>Zuerst erneute Prüfung, damit der Bericht die Änderungen seit der letzten Prüfung enthält…</translation>
    </message>
    <message>
        <source>Cannot make the folder %1. Choose a folder you may write to.</source>
        <translation>Ordner %1 kann nicht angelegt werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>The report could not be saved as %1: %2</source>
        <translation>Der Bericht konnte nicht als %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Report saved as PDF and HTML in %1.</source>
        <translation>Bericht als PDF und HTML in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Never (on demand only)</source>
        <translation>Nie (nur bei Bedarf)</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Every 30 days</source>
        <translation>Alle 30 Tage</translation>
    </message>
    <message>
        <source>No level chosen for this site yet.</source>
        <translation>Für diesen Standort ist noch keine Stufe gewählt.</translation>
    </message>
    <message>
        <source>The audit runs only when someone starts it.</source>
        <translation>Die Prüfung läuft nur, wenn jemand sie startet.</translation>
    </message>
    <message>
        <source>The server audits again every %1 hours.</source>
        <translation>Der Server prüft alle %1 Stunden erneut.</translation>
    </message>
    <message>
        <source>The site keeps level %1. %2 When an audit finds it below that level, a security drift event is raised (rules can turn it into an alarm).</source>
        <translation>Der Standort hält Stufe %1 ein. %2 Stellt eine Prüfung fest, dass er darunter liegt, wird ein Sicherheitsabweichungs-Ereignis ausgelöst (Regeln können daraus einen Alarm machen).</translation>
    </message>
    <message>
        <source>Saved: level %1, %2.</source>
        <translation>Gespeichert: Stufe %1, %2.</translation>
    </message>
    <message>
        <source>no scheduled audit</source>
        <translation>keine geplante Prüfung</translation>
    </message>
    <message>
        <source>audit every %1 hours</source>
        <translation>Prüfung alle %1 Stunden</translation>
    </message>
</context>
<context>
    <name>vigil::app::SessionController</name>
    <message>
        <source>The server no longer accepts this session (%1). Sign in again.</source>
        <translation>Der Server akzeptiert diese Sitzung nicht mehr (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Custom role</source>
        <translation>Benutzerdefinierte Rolle</translation>
    </message>
    <message>
        <source>Automatic lock is off</source>
        <translation>Automatische Sperre ist aus</translation>
    </message>
    <message numerus="yes">
        <source>Locks after %n minute(s) without input</source>
        <translation>
            <numerusform>Sperrt nach %n Minute ohne Eingabe</numerusform>
            <numerusform>Sperrt nach %n Minuten ohne Eingabe</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot ask the server whether it is set up: %1</source>
        <translation>Der Server kann nicht gefragt werden, ob er eingerichtet ist: %1</translation>
    </message>
    <message>
        <source>Enter a user name for the administrator.</source>
        <translation>Geben Sie einen Benutzernamen für den Administrator ein.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie in beiden Feldern dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the e-mail address reserved for password reset, like admin@example.com.</source>
        <translation>Geben Sie die für das Zurücksetzen hinterlegte E-Mail-Adresse ein, etwa admin@example.com.</translation>
    </message>
    <message>
        <source>Give %1 security questions with their answers.</source>
        <translation>Geben Sie %1 Sicherheitsfragen mit ihren Antworten an.</translation>
    </message>
    <message>
        <source>Each of the %1 security questions needs a question and an answer.</source>
        <translation>Jede der %1 Sicherheitsfragen braucht eine Frage und eine Antwort.</translation>
    </message>
    <message>
        <source>Ask %1 different security questions.</source>
        <translation>Stellen Sie %1 verschiedene Sicherheitsfragen.</translation>
    </message>
    <message>
        <source>The site is ready. Sign in as %1 with the password you just chose.</source>
        <translation>Der Standort ist bereit. Melden Sie sich als %1 mit dem eben gewählten Passwort an.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password in both fields.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein. Geben Sie in beiden Feldern dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>The new password is the current one. Choose a different password.</source>
        <translation>Das neue Passwort ist das aktuelle. Wählen Sie ein anderes Passwort.</translation>
    </message>
    <message>
        <source>Enter the password of %1 to unlock.</source>
        <translation>Geben Sie das Passwort von %1 ein, um zu entsperren.</translation>
    </message>
</context>
<context>
    <name>vigil::app::SessionListModel</name>
    <message>
        <source>This is your own session: use Sign out in the user menu instead.</source>
        <translation>Das ist Ihre eigene Sitzung: Verwenden Sie stattdessen „Abmelden“ im Benutzermenü.</translation>
    </message>
</context>
<context>
    <name>vigil::app::SiteListModel</name>
    <message>
        <source>last used %1</source>
        <translation>zuletzt verwendet %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::UserListModel</name>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>jederzeit</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>kein Ende</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Beliebige Adresse</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Wählen Sie eine Rolle.</translation>
    </message>
    <message>
        <source>Write validity dates as %1, or leave them empty.</source>
        <translation>Schreiben Sie Gültigkeitsdaten als %1, oder lassen Sie sie leer.</translation>
    </message>
    <message>
        <source>The validity ends before it starts. Check the two dates.</source>
        <translation>Die Gültigkeit endet, bevor sie beginnt. Prüfen Sie die beiden Daten.</translation>
    </message>
    <message>
        <source>%1 is not an address or a network like 10.0.0.0/8.</source>
        <translation>%1 ist keine Adresse und kein Netz wie 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie in beiden Feldern dasselbe Passwort ein.</translation>
    </message>
</context>
<context>
    <name>vigil::app::VideoPlayer</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>The video was interrupted. Reconnecting…</source>
        <translation>Das Video wurde unterbrochen. Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The camera is offline. Trying again…</source>
        <translation>Die Kamera ist offline. Neuer Versuch…</translation>
    </message>
    <message>
        <source>Your session is no longer valid. Sign in again to see video.</source>
        <translation>Ihre Sitzung ist nicht mehr gültig. Melden Sie sich erneut an, um Video zu sehen.</translation>
    </message>
    <message>
        <source>You have no rights to view this camera.</source>
        <translation>Sie haben keine Rechte, diese Kamera anzusehen.</translation>
    </message>
    <message>
        <source>Nothing is recorded at this time.</source>
        <translation>Zu dieser Zeit gibt es keine Aufzeichnung.</translation>
    </message>
    <message>
        <source>This video cannot be played.</source>
        <translation>Dieses Video kann nicht abgespielt werden.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>The workstation is not connected to a site.</source>
        <translation>Der Arbeitsplatz ist mit keinem Standort verbunden.</translation>
    </message>
</context>
<context>
    <name>vigil::app::Workstation</name>
    <message>
        <source>The server built into this workstation could not start: %1</source>
        <translation>Der eingebaute Server dieses Arbeitsplatzes konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>eigenständig</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>Server wird gestartet…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>Warte auf Vertrauen</translation>
    </message>
    <message>
        <source>Connected · live</source>
        <translation>Verbunden · live</translation>
    </message>
    <message>
        <source>Connected · reconnecting</source>
        <translation>Verbunden · wird neu verbunden</translation>
    </message>
    <message>
        <source>Certificate authority changed</source>
        <translation>Zertifizierungsstelle geändert</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Kein Standort</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and a port from 1 to 65535.</source>
        <translation>Geben Sie die Adresse des Servers und einen Port von 1 bis 65535 ein.</translation>
    </message>
    <message>
        <source>1 core, whole host</source>
        <translation>1 Kern, ganzer Host</translation>
    </message>
    <message>
        <source>%1 cores, whole host</source>
        <translation>%1 Kerne, ganzer Host</translation>
    </message>
    <message>
        <source>Data disk</source>
        <translation>Datenträger der Daten</translation>
    </message>
    <message>
        <source>Disk %1</source>
        <translation>Datenträger %1</translation>
    </message>
    <message>
        <source>Figures from %1, updated %2 (live over the event connection)</source>
        <translation>Werte von %1, aktualisiert %2 (live über die Ereignisverbindung)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>noch keine Werte</translation>
    </message>
    <message>
        <source>needs the system settings permission</source>
        <translation>erfordert die Berechtigung für Systemeinstellungen</translation>
    </message>
    <message>
        <source>Recordings, mirror</source>
        <translation>Aufzeichnungen, Spiegel</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Aufzeichnungen</translation>
    </message>
    <message>
        <source>no storage location set</source>
        <translation>kein Speicherort festgelegt</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 frei von %2</translation>
    </message>
</context>
</TS>
