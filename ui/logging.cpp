#include "ui/logging.h"

namespace Hubshelf::Ui {
Q_LOGGING_CATEGORY(lcUi, "hubshelf.ui", QtInfoMsg)
} // namespace Hubshelf::Ui
