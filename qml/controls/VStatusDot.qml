import QtQuick
import Vigil.UI

// A small round state indicator. `status` is a state name from a C++ model ("running", "offline"...);
// Item's own `state` property is Qt Quick's state machine, hence the different name.
Rectangle {
    id: dot

    property string status: "offline"

    implicitWidth: Theme.dot
    implicitHeight: Theme.dot
    radius: width / 2
    color: Theme.stateColor(status)
}
