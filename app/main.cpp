// The composition root: the window when no command is given, the headless command line otherwise.
// Everything the window uses is made here and handed to it.

#include "auth/coredumps.h"
#include "auth/tokenstore.h"
#include "auth/tokenvalidator.h"
#include "cache/etagcache.h"
#include "cli/commandline.h"
#include "github/client.h"
#include "i18n/translations.h"
#include "images/avatarloader.h"
#include "models/ratelimithistory.h"
#include "models/requestlogmodel.h"
#include "ratelimits/ledger.h"
#include "settings/appsettings.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkProxyFactory>
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
    Hubshelf::I18n::installTranslations(app);
    QGuiApplication::setApplicationDisplayName(QString::fromLatin1(Hubshelf::ApplicationDisplayName));
    QGuiApplication::setDesktopFileName(u"io.github.hubshelf.Hubshelf"_s);

    Hubshelf::Settings::AppSettings settings;
    QNetworkAccessManager network;
    Hubshelf::Cache::EtagCache cache(Hubshelf::Cache::EtagCache::defaultPath());
    cache.open(); // a cache that cannot open is reported in the log; the window works without it
    Hubshelf::GitHub::Client client(&network, cache.isOpen() ? &cache : nullptr,
                                    settings.preferences().apiUrl);
    Hubshelf::Settings::applyToServices(settings, &client, &cache);
    Hubshelf::Models::RequestLogModel requestLog;
    requestLog.track(&client);
    // Every request's cost and every limit GitHub reports, kept in the cache database with the
    // command line's and serve's.
    Hubshelf::RateLimits::Ledger ledger(cache.isOpen() ? &cache : nullptr, u"window"_s);
    ledger.track(&client);
    // The rate-limit dialog's chart and spend: the ledger's (or, without a cache, the session's).
    Hubshelf::Models::RateLimitHistory rateLimitHistory(cache.isOpen() ? &ledger : nullptr, &client);
    Hubshelf::Auth::TokenStore tokens; // the window's account menu loads the token
    Hubshelf::Auth::TokenValidator tokenValidator(&network);

    // Avatars come from another origin and never see the token: their own network and disk cache.
    QNetworkAccessManager imageNetwork;
    imageNetwork.setCache(Hubshelf::Images::AvatarLoader::makeDiskCache(&imageNetwork));
    Hubshelf::Images::AvatarLoader avatars(&imageNetwork);

    Hubshelf::Ui::MainWindow window({&client, cache.isOpen() ? &cache : nullptr, &requestLog, &tokens,
                                     &tokenValidator, &avatars, &settings, &rateLimitHistory});
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any token is read, for the window and the command line alike.
    Hubshelf::Auth::disableCoreDumps();
    setApplicationIdentity();
    // The desktop's proxy (on Linux: http_proxy, https_proxy, no_proxy), for the window and the CLI.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    if (Hubshelf::Cli::CommandLine::wantsWindow(argumentsOf(argc, argv))) {
        return runWindow(argc, argv);
    }

    QCoreApplication app(argc, argv);
    Hubshelf::I18n::installTranslations(app);
    Hubshelf::Settings::AppSettings settings;
    QTextStream out(stdout);
    QTextStream err(stderr);
    Hubshelf::Cli::CommandLine commandLine(out, err, &settings);
    return commandLine.run(QCoreApplication::arguments());
}
