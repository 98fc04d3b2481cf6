#include "request_list_model.h"

namespace vigil::app {

void RequestListModel::setBusy(bool busy) {
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

void RequestListModel::setError(const QString& message) {
    if (m_errorMessage != message) {
        m_errorMessage = message;
        emit errorMessageChanged();
    }
}

}  // namespace vigil::app
