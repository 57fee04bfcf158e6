// The composition root: the window when no command is given, the headless command line otherwise.

#include "cli/commandline.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(Hubshelf::OrganizationName));
    QCoreApplication::setApplicationName(QString::fromLatin1(Hubshelf::ApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Hubshelf::Version));
}

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationIdentity();

    if (Hubshelf::Cli::CommandLine::wantsWindow(argumentsOf(argc, argv))) {
        QApplication app(argc, argv);
        QGuiApplication::setApplicationDisplayName(QString::fromLatin1(Hubshelf::ApplicationDisplayName));
        QGuiApplication::setDesktopFileName(u"io.github.hubshelf.Hubshelf"_s);
        Hubshelf::Ui::MainWindow window;
        window.show();
        return QApplication::exec();
    }

    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    Hubshelf::Cli::CommandLine commandLine(out, err);
    return commandLine.run(QCoreApplication::arguments());
}
