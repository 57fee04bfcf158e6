#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace Hubshelf::Ui
