#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace Hubshelf::Settings {
class AppSettings;
}

namespace Hubshelf::Cli {

// Exit codes of the command line, as the design fixes them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // a local failure: the output file or stdout could not be written
    ExitUsage = 2,
    ExitNotFound = 3,
    ExitAuthentication = 4,
    ExitRateLimited = 5,
    ExitNetwork = 6,
};

// The headless side of the `hubshelf` binary: parses the arguments, runs one sub-command and
// returns its exit code. Data goes to `out`, every message to `err`.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::Cli::CommandLine)

public:
    // `settings` (the user's preferences: the cache's size cap, requests at a time) is not owned;
    // null means the defaults.
    CommandLine(QTextStream &out, QTextStream &err, Settings::AppSettings *settings = nullptr);

    // True when the arguments ask for the window: nothing but Qt's own GUI options.
    // Decided before any QCoreApplication exists, so that `--help` needs no display.
    static bool wantsWindow(const QStringList &arguments);

    int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    Settings::AppSettings *m_settings = nullptr;
};

} // namespace Hubshelf::Cli
