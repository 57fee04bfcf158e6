#pragma once

#include <QLoggingCategory>

namespace Hubshelf::GitHub {
Q_DECLARE_LOGGING_CATEGORY(lcGitHub)
} // namespace Hubshelf::GitHub
