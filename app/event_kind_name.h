#pragma once
// The names people read for event kinds (core/model/event_model.h EventKinds), in the workstation's
// language: the Event Center's lists and filters and the rule editor's summaries.

#include <QString>

namespace vigil::app {

// "motion" -> "Motion"; an unknown kind is shown as it is.
QString eventKindName(const QString& kind);

}  // namespace vigil::app
