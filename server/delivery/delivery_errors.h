#pragma once
// The delivery's error codes and their HTTP statuses, in one place for the routes and for the
// answers that come later (a stream that never starts, a snapshot); the gateway's table
// (http/route.cpp) has the shared ones.

#include <QHttpServerResponse>

#include "common/result.h"

namespace vigil::server {

QHttpServerResponse deliveryFailure(const core::Error& error);

}  // namespace vigil::server
