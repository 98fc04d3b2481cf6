import QtQuick
import Vigil.UI

// One Material Design icon (Icons.qml names them): `icon: Icons.lock`. Sized like the text beside it
// unless told otherwise.
Text {
    id: control

    property string icon
    property int size: Theme.iconSize

    text: icon
    font.family: Icons.family
    font.pixelSize: size
    color: Theme.text
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    // Accessible name comes from the control that holds it; the glyph itself says nothing.
    Accessible.ignored: true
}
