#pragma once
// The accounts service's logging category: vigil.server.accounts. Security events also go to the
// security log table (SecurityLog); this category is for operators reading the server's output.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
