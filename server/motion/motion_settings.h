#pragma once
// A camera's server-side motion settings (GET/PUT /api/v1/channels/{id}/motion; server/api/
// openapi.yaml, MotionSettings) and what its detector is doing (MotionStatus). Both are API types
// (core/model/motion_model.h), shared with the workstation's motion panel.

#include "model/motion_model.h"

namespace vigil::server {

using core::model::MotionSettings;
using core::model::MotionStatus;

}  // namespace vigil::server
