// The composition root: the window when no command is given, the headless command line otherwise.
// Everything the window uses is made here and handed to it.

#include "auth/tokenstore.h"
#include "cache/etagcache.h"
#include "cli/commandline.h"
#include "github/client.h"
#include "models/requestlogmodel.h"
#include "ui/appsettings.h"
#include "ui/avatarloader.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkProxyFactory>
#include <QSettings>
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

int runWindow(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Hubshelf::Ui::installTranslations(app);
    QGuiApplication::setApplicationDisplayName(QString::fromLatin1(Hubshelf::ApplicationDisplayName));
    QGuiApplication::setDesktopFileName(u"io.github.hubshelf.Hubshelf"_s);

    const Hubshelf::Ui::AppSettings preferences = Hubshelf::Ui::AppSettings::load(QSettings());
    QNetworkAccessManager network;
    Hubshelf::Cache::EtagCache cache(Hubshelf::Cache::EtagCache::defaultPath());
    cache.open(); // a cache that cannot open is reported in the log; the window works without it
    cache.setSizeLimit(preferences.cacheSizeLimitBytes());
    Hubshelf::GitHub::Client client(&network, cache.isOpen() ? &cache : nullptr, preferences.apiUrl);
    client.setMaxConcurrent(preferences.maxConcurrent);
    Hubshelf::Models::RequestLogModel requestLog;
    requestLog.track(&client);
    Hubshelf::Auth::TokenStore tokens; // the window's account menu loads the token

    // Avatars come from another origin and never see the token: their own network and disk cache.
    QNetworkAccessManager imageNetwork;
    imageNetwork.setCache(Hubshelf::Ui::AvatarLoader::makeDiskCache(&imageNetwork));
    Hubshelf::Ui::AvatarLoader avatars(&imageNetwork);

    Hubshelf::Ui::MainWindow window(
        {&client, cache.isOpen() ? &cache : nullptr, &requestLog, &tokens, &network, &avatars});
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationIdentity();
    // The desktop's proxy (on Linux: http_proxy, https_proxy, no_proxy), for the window and the CLI.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    if (Hubshelf::Cli::CommandLine::wantsWindow(argumentsOf(argc, argv))) {
        return runWindow(argc, argv);
    }

    QCoreApplication app(argc, argv);
    Hubshelf::Ui::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    Hubshelf::Cli::CommandLine commandLine(out, err);
    return commandLine.run(QCoreApplication::arguments());
}
