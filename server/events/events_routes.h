#pragma once
// The event routes of the access gateway (issue 6, EVT-1; server/api/events.yaml): search of the
// history with paging, CSV export, one event, alarm counters, acknowledge / handle / comment
// several alarms at once, a manual alarm (all event_handling), and the retention setting (read:
// event_handling, change: system_settings). Events of channels outside the caller's role look
// absent.

#include <QList>
#include <QUrlQuery>

#include "events/event_repository.h"
#include "http/route.h"

namespace vigil::server {

class DevicesService;
class EventService;
class RuleEngine;

QList<Route> eventsRoutes(EventService& events, DevicesService& devices);
// /api/v1/events/rules (read: event_handling; change: system_settings).
QList<Route> ruleRoutes(RuleEngine& rules);

// Reads the search parameters (from, to, source, kind, severity, state, alarms, limit, offset);
// unknown parameters and bad values are refused with what to send instead. `maxLimit` bounds limit.
core::Result<EventQuery> parseEventQuery(const QUrlQuery& query, int maxLimit);

}  // namespace vigil::server
