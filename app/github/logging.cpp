#include "github/logging.h"

namespace Hubshelf::GitHub {
Q_LOGGING_CATEGORY(lcGitHub, "hubshelf.github", QtInfoMsg)
} // namespace Hubshelf::GitHub
