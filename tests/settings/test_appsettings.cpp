// The settings facade without a window: changed() only for a real change, window state apart, and
// the composition root's wiring of the size cap and the requests at a time.

#include "cache/etagcache.h"
#include "github/client.h"
#include "settings/appsettings.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubshelf::Settings::AppSettings;
using Hubshelf::Settings::Preferences;

class TestAppSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void defaults_whenNothingIsStored();
    void changed_onlyWhenAPreferenceDiffers();
    void windowState_isKeptApartAndAnnouncesNothing();
    void listHeaderState_keepsItsKeyPerKindAndAnnouncesNothing();
    void applyToServices_followsEveryChange();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_store;
};

void TestAppSettings::init()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_store->clear();
}

void TestAppSettings::defaults_whenNothingIsStored()
{
    const AppSettings settings(m_store.get());
    QVERIFY(settings.preferences() == Preferences());
    QCOMPARE(settings.preferences().apiUrl, Hubshelf::GitHub::Client::GitHubApi);
    QVERIFY(settings.windowState(u"geometry"_s).isEmpty());
}

void TestAppSettings::changed_onlyWhenAPreferenceDiffers()
{
    AppSettings settings(m_store.get());
    QSignalSpy changed(&settings, &AppSettings::changed);
    Preferences next = settings.preferences();
    settings.setPreferences(next);
    QCOMPARE(changed.count(), 0);

    next.maxConcurrent = 2;
    settings.setPreferences(next);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_store->value(Preferences::MaxConcurrentKey).toInt(), 2);

    // Clamped as stored: 50 is 8, and 8 again is no change.
    next.maxConcurrent = 50;
    settings.setPreferences(next);
    QCOMPARE(changed.count(), 2);
    next.maxConcurrent = Preferences::MaxConcurrent;
    settings.setPreferences(next);
    QCOMPARE(changed.count(), 2);

    settings.setApiUrl(QUrl(u"https://github.example.com/api/v3"_s));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(settings.preferences().apiUrl, QUrl(u"https://github.example.com/api/v3"_s));
    settings.setLastSaveDirectory(u"/tmp/exports"_s);
    QCOMPARE(changed.count(), 4);
    // A value written behind its back is seen at once.
    m_store->setValue(Preferences::CsvByteOrderMarkKey, true);
    QVERIFY(settings.preferences().csvByteOrderMark);
}

void TestAppSettings::windowState_isKeptApartAndAnnouncesNothing()
{
    AppSettings settings(m_store.get());
    QSignalSpy changed(&settings, &AppSettings::changed);
    settings.setWindowState(u"splitter"_s, QByteArray("state"));
    QCOMPARE(settings.windowState(u"splitter"_s), QByteArray("state"));
    QCOMPARE(m_store->value(u"window/splitter"_s).toByteArray(), QByteArray("state"));
    QCOMPARE(changed.count(), 0);
    QVERIFY(settings.preferences() == Preferences());
}

void TestAppSettings::listHeaderState_keepsItsKeyPerKindAndAnnouncesNothing()
{
    // A header saved before the settings facade existed is found under the same key.
    m_store->setValue(u"lists/repos/header"_s, QByteArray("repos"));
    AppSettings settings(m_store.get());
    QSignalSpy changed(&settings, &AppSettings::changed);
    QCOMPARE(settings.listHeaderState(u"repos"_s), QByteArray("repos"));
    QVERIFY(settings.listHeaderState(u"pulls"_s).isEmpty());

    settings.setListHeaderState(u"pulls"_s, QByteArray("pulls"));
    QCOMPARE(m_store->value(u"lists/pulls/header"_s).toByteArray(), QByteArray("pulls"));
    QCOMPARE(settings.listHeaderState(u"repos"_s), QByteArray("repos"));
    QVERIFY(settings.windowState(u"pulls"_s).isEmpty());
    QCOMPARE(changed.count(), 0);
    QVERIFY(settings.preferences() == Preferences());
}

void TestAppSettings::applyToServices_followsEveryChange()
{
    Preferences stored;
    stored.maxConcurrent = 3;
    stored.cacheSizeLimitMiB = 32;
    stored.save(*m_store);
    AppSettings settings(m_store.get());

    QNetworkAccessManager network;
    Hubshelf::Cache::EtagCache cache(m_dir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    Hubshelf::GitHub::Client client(&network, &cache, Hubshelf::GitHub::Client::GitHubApi);
    Hubshelf::Settings::applyToServices(settings, &client, &cache);
    QCOMPARE(client.maxConcurrent(), 3);
    QCOMPARE(cache.sizeLimit(), 32LL * 1024 * 1024);

    Preferences next = settings.preferences();
    next.maxConcurrent = 6;
    next.cacheSizeLimitMiB = 64;
    settings.setPreferences(next);
    QCOMPARE(client.maxConcurrent(), 6);
    QCOMPARE(cache.sizeLimit(), 64LL * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "test_appsettings.moc"
