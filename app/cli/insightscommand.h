#pragma once

#include "cli/commands.h"

#include <QString>

namespace Hubshelf::Cli {

struct InsightsRequest
{
    QString what;  // contributors or languages
    QString owner; // a user or an organization
    QString format = QStringLiteral("csv");
    QString since; // YYYY-MM or empty
    QString until;
    bool includeForks = false;

    // One sentence when the request is not one to run; nothing reaches the network before.
    QString problem() const;
};

// `hubshelf insights contributors|languages OWNER`: monthly new contributors, or languages by bytes,
// over the owner's repositories, as CSV or JSON on stdout. One warning line on stderr per
// repository left out; progress on stderr when it is a terminal.
void runInsights(CliContext &context, const InsightsRequest &request, const Done &done);

} // namespace Hubshelf::Cli
