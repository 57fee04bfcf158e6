#include "cli/commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Cli {

namespace {

// Qt's own GUI options that take a value, so that `hubshelf -platform offscreen` still means the window.
const QStringList qtOptionsWithValue = {u"-platform"_s,        u"-platformpluginpath"_s,
                                        u"-platformtheme"_s,   u"-plugin"_s,
                                        u"-qwindowgeometry"_s, u"-qwindowtitle"_s,
                                        u"-qwindowicon"_s,     u"-style"_s,
                                        u"-stylesheet"_s,      u"-display"_s,
                                        u"-geometry"_s};

const QStringList qtFlags = {u"-reverse"_s, u"-nograb"_s, u"-dograb"_s, u"-sync"_s, u"-widgetcount"_s};

} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

bool CommandLine::wantsWindow(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (qtOptionsWithValue.contains(argument)) {
            ++i;
        } else if (!qtFlags.contains(argument)) {
            return false;
        }
    }
    return true;
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Hubshelf explores the GitHub REST API. Without a command it opens the window."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption(u"version"_s, u"Show the version and exit."_s);
    parser.addOption(versionOption);
    parser.addPositionalArgument(u"command"_s, u"The command to run (none yet: see the README)."_s,
                                 u"[command]"_s);

    // parse(), not process(): process() exits with 1 on a bad option, the contract is 2.
    if (!parser.parse(arguments)) {
        m_err << "hubshelf: " << parser.errorText() << " Run 'hubshelf --help' for usage.\n";
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << ' ' << Version << '\n';
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << "hubshelf: no command given. Run 'hubshelf --help' for usage.\n";
        return ExitUsage;
    }
    m_err << "hubshelf: unknown command '" << positional.constFirst()
          << "'. Run 'hubshelf --help' for usage.\n";
    return ExitUsage;
}

} // namespace Hubshelf::Cli
