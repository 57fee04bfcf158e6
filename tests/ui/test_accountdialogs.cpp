#include "auth/tokenstore.h"
#include "auth/tokenvalidator.h"
#include "cache/etagcache.h"
#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/error.h"
#include "i18n/translations.h"
#include "settings/appsettings.h"
#include "ui/settingsdialog.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::Auth::TokenSource;
using Hubshelf::Auth::TokenStore;
using Hubshelf::Auth::TokenValidator;
using Hubshelf::Settings::Preferences;
using Hubshelf::Ui::SettingsDialog;
using Hubshelf::Ui::SignInDialog;

namespace Hubshelf::Auth {
// QCOMPARE prints the source's name on a mismatch.
char *toString(TokenSource source)
{
    return qstrdup(tokenSourceName(source));
}
} // namespace Hubshelf::Auth

namespace {

// The first Secret Service call of a run starts gnome-keyring through D-Bus activation.
constexpr int KeychainTimeoutMs = 20'000;
constexpr int NetworkTimeoutMs = 15'000;

// The test re-runs itself in this mode, with a D-Bus address that leads nowhere, to see sign-in
// without a keychain.
constexpr char NoKeychainChild[] = "HUBSHELF_TEST_ACCOUNTDIALOGS_NO_KEYCHAIN";

const QString BadToken = u"ghp_notAValidTokenForTheFake0000000000000"_s;

// The offscreen screen is 800x600, and adjustSize() keeps a window within two thirds of it; a real
// desktop has room for the height the wrapped labels need.
void fitToWidth(QWidget &dialog, int width)
{
    dialog.resize(width, dialog.layout()->totalHeightForWidth(width));
}

Hubshelf::Cache::CachedResponse entry(const QByteArray &path, int bytes)
{
    Hubshelf::Cache::CachedResponse response;
    response.url = "https://api.github.com" + path;
    response.variant = "application/vnd.github+json";
    response.identity = "anon";
    response.etag = "\"" + path.toHex() + "\"";
    response.contentType = "application/json; charset=utf-8";
    response.fetchedAt = QDateTime::currentDateTimeUtc();
    response.lastUsed = response.fetchedAt;
    response.maxAgeSeconds = 60;
    // Random bytes: the cache compresses bodies, and these keep their size.
    response.body = QByteArray(bytes, Qt::Uninitialized);
    QRandomGenerator generator{quint32(bytes)};
    for (char &byte : response.body) {
        byte = char(generator.bounded(256));
    }
    return response;
}

} // namespace

class TestAccountDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Preferences
    void appSettings_emptyStoreGivesDefaults();
    void appSettings_valuesRoundTrip();
    void appSettings_concurrencyIsClamped_data();
    void appSettings_concurrencyIsClamped();
    void appSettings_cacheLimitIsClamped();
    void appSettings_invalidUrlFallsBackToDefault_data();
    void appSettings_invalidUrlFallsBackToDefault();
    void appSettings_trailingSlashIsDropped();
    void appSettings_writesOnlyItsOwnKeysAndNoToken();

    // SignInDialog
    void signIn_preselectsTheCurrentServer();
    void signIn_buttonNeedsAToken();
    void signIn_validToken_savesInKeychainAndEmitsSignedIn();
    void signIn_githubDotCom_usesTheDefaultApiUrl();
    void signIn_isBusyWhileCheckingAndCancelStopsIt();
    void signIn_badToken_showsGitHubsWordsAndStoresNothing();
    void signIn_invalidEnterpriseUrl_isRefusedWithoutARequest_data();
    void signIn_invalidEnterpriseUrl_isRefusedWithoutARequest();
    void signIn_unreachableHost_saysTheNetworkFailed();
    void signIn_withoutKeychain_succeedsForThisSessionOnly();

    // SettingsDialog
    void settings_loadsStoredValues();
    void settings_okSavesAndAppliesTheCacheLimit();
    void settings_cancelSavesNothing();
    void settings_restoreDefaults_resetsTheFormUntilOk();
    void settings_invalidApiUrl_isRefusedNextToTheField();
    void settings_showsCacheSizeAndLifetimeStatistics();
    void settings_clearCache_asksInlineThenEmptiesTheCache();
    void settings_withoutExplicitSettings_usesTheApplicationsOwn();
    void settings_withoutCache_cannotClear();

    void screenshots();

private:
    struct Loaded
    {
        QString token;
        TokenSource source = TokenSource::None;
    };

    Loaded loadStored(const QString &host);
    void removeStored(const QString &host);
    int apiRequests() const;
    static void fill(SignInDialog &dialog, const QString &apiUrl, const QString &token);
    static void expectTokenNowhere(const QWidget &dialog, const QString &token);

    QString m_service;
    QString m_noKeychainReason;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TokenValidator> m_validator;
    std::unique_ptr<TokenStore> m_tokens;
    QStringList m_storedHosts;
};

void TestAccountDialogs::initTestCase()
{
    // Before any QSettings exists: QSettings picks its folder once and for all.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_accountdialogs"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    // As the program does, in US English whatever the machine's locale: "1 row", "5,000 rows".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Hubshelf::I18n::installTranslations(*QCoreApplication::instance()));
    const QString testConfig = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY2(QSettings().fileName().startsWith(testConfig), qPrintable(QSettings().fileName()));

    // A service of this run's own, so that nothing here meets a real token.
    m_service = u"hubshelf-test-accountdialogs-%1"_s.arg(QCoreApplication::applicationPid());
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_noKeychainReason = u"No D-Bus session: run through tests/run-in-session.sh"_s;
        return;
    }
    if (qEnvironmentVariableIsSet(NoKeychainChild)) {
        return; // the child expects no keychain, and needs no probe to know
    }
    // One read of a key that does not exist tells whether a Secret Service answers on this bus.
    TokenStore probe(m_service);
    probe.setEnvironment(QProcessEnvironment());
    QSignalSpy loaded(&probe, &TokenStore::loaded);
    QSignalSpy failed(&probe, &TokenStore::failed);
    probe.load(u"probe.invalid"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), KeychainTimeoutMs);
    if (!probe.keychainAvailable() || !failed.isEmpty()) {
        m_noKeychainReason = u"The D-Bus session has no usable Secret Service: run through "
                             u"tests/run-in-session.sh, which starts gnome-keyring"_s;
    }
}

void TestAccountDialogs::init()
{
    QSettings().clear();
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_validator = std::make_unique<TokenValidator>(m_network.get());
    m_tokens = std::make_unique<TokenStore>(m_service);
    m_tokens->setEnvironment(QProcessEnvironment());
}

void TestAccountDialogs::cleanup()
{
    for (const QString &host : std::as_const(m_storedHosts)) {
        removeStored(host);
    }
    m_storedHosts.clear();
    m_tokens.reset();
    m_validator.reset();
    m_network.reset();
    m_fake.reset();
}

TestAccountDialogs::Loaded TestAccountDialogs::loadStored(const QString &host)
{
    // A second store: what the keychain holds, not what the first one remembers.
    TokenStore reader(m_service);
    reader.setEnvironment(QProcessEnvironment());
    QSignalSpy loaded(&reader, &TokenStore::loaded);
    QSignalSpy failed(&reader, &TokenStore::failed);
    reader.load(host);
    Loaded result;
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, KeychainTimeoutMs) ||
        loaded.isEmpty()) {
        result.source = TokenSource::None;
        result.token = u"<load failed>"_s;
        return result;
    }
    result.token = loaded.first().at(1).toString();
    result.source = loaded.first().at(2).value<TokenSource>();
    return result;
}

void TestAccountDialogs::removeStored(const QString &host)
{
    TokenStore remover(m_service);
    QSignalSpy removed(&remover, &TokenStore::removed);
    QSignalSpy failed(&remover, &TokenStore::failed);
    remover.remove(host);
    if (!QTest::qWaitFor([&] { return !removed.isEmpty() || !failed.isEmpty(); }, KeychainTimeoutMs)) {
        qWarning("could not remove the test token of %s", qPrintable(host));
    }
}

int TestAccountDialogs::apiRequests() const
{
    int count = 0;
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    for (const FakeGitHub::LoggedRequest &request : log) {
        count += request.origin == FakeGitHub::Origin::Api ? 1 : 0;
    }
    return count;
}

void TestAccountDialogs::fill(SignInDialog &dialog, const QString &apiUrl, const QString &token)
{
    if (apiUrl.isEmpty()) {
        dialog.findChild<QRadioButton *>(u"githubChoice"_s)->setChecked(true);
    } else {
        dialog.findChild<QRadioButton *>(u"enterpriseChoice"_s)->setChecked(true);
        dialog.findChild<QLineEdit *>(u"apiUrlField"_s)->setText(apiUrl);
    }
    dialog.findChild<QLineEdit *>(u"tokenField"_s)->setText(token);
}

void TestAccountDialogs::expectTokenNowhere(const QWidget &dialog, const QString &token)
{
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        QVERIFY2(!label->text().contains(token), qPrintable(label->objectName()));
        QVERIFY2(!label->accessibleDescription().contains(token), qPrintable(label->objectName()));
        QVERIFY2(!label->toolTip().contains(token), qPrintable(label->objectName()));
    }
    QVERIFY(!dialog.windowTitle().contains(token));
}

// --- Preferences -----------------------------------------------------------------------------

void TestAccountDialogs::appSettings_emptyStoreGivesDefaults()
{
    QSettings settings;
    QVERIFY(settings.allKeys().isEmpty());
    const Preferences loaded = Preferences::load(settings);
    QCOMPARE(loaded.apiUrl, QUrl(u"https://api.github.com"_s));
    QCOMPARE(loaded.apiUrl, Hubshelf::GitHub::Client::GitHubApi);
    QCOMPARE(loaded.maxConcurrent, Hubshelf::GitHub::Client::DefaultMaxConcurrent);
    QCOMPARE(loaded.cacheSizeLimitMiB, 256);
    QCOMPARE(loaded.cacheSizeLimitBytes(), Hubshelf::Cache::EtagCache::DefaultSizeLimit);
    QCOMPARE(loaded.csvFormulaGuard, true);
    QCOMPARE(loaded.csvByteOrderMark, false);
    QVERIFY(loaded.lastSaveDirectory.isEmpty());
    QVERIFY(loaded == Preferences());
}

void TestAccountDialogs::appSettings_valuesRoundTrip()
{
    Preferences written;
    written.apiUrl = QUrl(u"https://github.example.com/api/v3"_s);
    written.maxConcurrent = 7;
    written.cacheSizeLimitMiB = 1024;
    written.csvFormulaGuard = false;
    written.csvByteOrderMark = true;
    written.lastSaveDirectory = u"/tmp/exports with spaces"_s;
    {
        QSettings settings;
        written.save(settings);
    }
    QSettings again;
    const Preferences read = Preferences::load(again);
    QCOMPARE(read.apiUrl, written.apiUrl);
    QCOMPARE(read.maxConcurrent, 7);
    QCOMPARE(read.cacheSizeLimitMiB, 1024);
    QCOMPARE(read.cacheSizeLimitBytes(), 1024LL * 1024 * 1024);
    QCOMPARE(read.csvFormulaGuard, false);
    QCOMPARE(read.csvByteOrderMark, true);
    QCOMPARE(read.lastSaveDirectory, written.lastSaveDirectory);
    QVERIFY(read == written);
    // main.cpp reads the API URL under this key before any window exists.
    QCOMPARE(again.value(u"api/url"_s).toString(), u"https://github.example.com/api/v3"_s);
}

void TestAccountDialogs::appSettings_concurrencyIsClamped_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("zero") << QVariant(0) << 1;
    QTest::newRow("negative") << QVariant(-3) << 1;
    QTest::newRow("nine") << QVariant(9) << 8;
    QTest::newRow("huge") << QVariant(1000) << 8;
    QTest::newRow("in range") << QVariant(2) << 2;
    QTest::newRow("text") << QVariant(u"many"_s) << Hubshelf::GitHub::Client::DefaultMaxConcurrent;
}

void TestAccountDialogs::appSettings_concurrencyIsClamped()
{
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    QSettings settings;
    settings.setValue(Preferences::MaxConcurrentKey, stored);
    QCOMPARE(Preferences::load(settings).maxConcurrent, expected);

    Preferences tooMany;
    tooMany.maxConcurrent = 12;
    tooMany.save(settings);
    QCOMPARE(Preferences::load(settings).maxConcurrent, Preferences::MaxConcurrent);
}

void TestAccountDialogs::appSettings_cacheLimitIsClamped()
{
    QSettings settings;
    settings.setValue(Preferences::CacheSizeLimitKey, 1);
    QCOMPARE(Preferences::load(settings).cacheSizeLimitMiB, Preferences::MinCacheSizeLimitMiB);
    settings.setValue(Preferences::CacheSizeLimitKey, 10'000'000);
    QCOMPARE(Preferences::load(settings).cacheSizeLimitMiB, Preferences::MaxCacheSizeLimitMiB);
}

void TestAccountDialogs::appSettings_invalidUrlFallsBackToDefault_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("empty") << QString();
    QTest::newRow("no scheme") << u"github.example.com/api/v3"_s;
    QTest::newRow("ftp") << u"ftp://github.example.com/api/v3"_s;
    QTest::newRow("no host") << u"https://"_s;
    QTest::newRow("words") << u"not a url at all"_s;
    QTest::newRow("query") << u"https://github.example.com/api/v3?x=1"_s;
    QTest::newRow("user info") << u"https://me:secret@github.example.com/api/v3"_s;
    QTest::newRow("clear text over the network") << u"http://github.example.com/api/v3"_s;
}

void TestAccountDialogs::appSettings_invalidUrlFallsBackToDefault()
{
    QFETCH(QString, stored);
    QSettings settings;
    settings.setValue(Preferences::ApiUrlKey, stored);
    QCOMPARE(Preferences::load(settings).apiUrl, Hubshelf::GitHub::Client::GitHubApi);

    QString problem;
    QVERIFY(!Preferences::apiUrlFromText(stored, &problem).isValid());
    QVERIFY(!problem.isEmpty());
    QVERIFY(problem.endsWith(u'.'));
}

void TestAccountDialogs::appSettings_trailingSlashIsDropped()
{
    QString problem = u"stale"_s;
    const QUrl url = Preferences::apiUrlFromText(u"  https://github.example.com/api/v3/ "_s, &problem);
    QCOMPARE(url, QUrl(u"https://github.example.com/api/v3"_s));
    QVERIFY(problem.isEmpty());
    // So that Client::endpoint() makes /api/v3/user, not /api/v3//user.
    Hubshelf::GitHub::Client client(m_network.get(), nullptr, url);
    QCOMPARE(client.endpoint(u"/user"_s).path(), u"/api/v3/user"_s);
}

void TestAccountDialogs::appSettings_writesOnlyItsOwnKeysAndNoToken()
{
    QSettings settings;
    Preferences values;
    values.lastSaveDirectory = u"/tmp"_s;
    values.save(settings);
    QStringList keys = settings.allKeys();
    keys.sort();
    QStringList expected = {Preferences::ApiUrlKey,           Preferences::MaxConcurrentKey,
                            Preferences::CacheSizeLimitKey,   Preferences::CsvFormulaGuardKey,
                            Preferences::CsvByteOrderMarkKey, Preferences::LastSaveDirectoryKey};
    expected.sort();
    QCOMPARE(keys, expected);
    for (const QString &key : std::as_const(keys)) {
        QVERIFY2(!key.contains(u"token"_s, Qt::CaseInsensitive), qPrintable(key));
    }
}

// --- SignInDialog ----------------------------------------------------------------------------

void TestAccountDialogs::signIn_preselectsTheCurrentServer()
{
    {
        SignInDialog dialog(m_validator.get(), m_tokens.get(), Hubshelf::GitHub::Client::GitHubApi);
        QVERIFY(dialog.findChild<QRadioButton *>(u"githubChoice"_s)->isChecked());
        QVERIFY(!dialog.findChild<QLineEdit *>(u"apiUrlField"_s)->isEnabled());
        QCOMPARE(dialog.findChild<QLineEdit *>(u"tokenField"_s)->echoMode(), QLineEdit::Password);
        const auto *help = dialog.findChild<QLabel *>(u"tokenHelp"_s);
        QVERIFY(help->text().contains(u"https://github.com/settings/tokens"_s));
        QVERIFY(help->text().contains(u"repo"_s));
        QCOMPARE(dialog.findChild<QLabel *>(u"anonymousNote"_s)->text(),
                 u"Without a token: 60 requests an hour; with one: 5,000."_s);
    }
    SignInDialog dialog(m_validator.get(), m_tokens.get(), QUrl(u"https://github.example.com/api/v3"_s));
    QVERIFY(dialog.findChild<QRadioButton *>(u"enterpriseChoice"_s)->isChecked());
    auto *field = dialog.findChild<QLineEdit *>(u"apiUrlField"_s);
    QVERIFY(field->isEnabled());
    QCOMPARE(field->text(), u"https://github.example.com/api/v3"_s);
    // Tokens are made on the same server's web site.
    QVERIFY(dialog.findChild<QLabel *>(u"tokenHelp"_s)
                ->text()
                .contains(u"https://github.example.com/settings/tokens"_s));
}

void TestAccountDialogs::signIn_buttonNeedsAToken()
{
    SignInDialog dialog(m_validator.get(), m_tokens.get(), m_fake->apiUrl());
    auto *button = dialog.findChild<QPushButton *>(u"signInButton"_s);
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    dialog.findChild<QLineEdit *>(u"tokenField"_s)->setText(u"   "_s);
    QVERIFY(!button->isEnabled());
    dialog.findChild<QLineEdit *>(u"tokenField"_s)->setText(u"ghp_x"_s);
    QVERIFY(button->isEnabled());
    QVERIFY(button->isDefault());
}

void TestAccountDialogs::signIn_validToken_savesInKeychainAndEmitsSignedIn()
{
    if (!m_noKeychainReason.isEmpty()) {
        QSKIP(qPrintable(m_noKeychainReason));
    }
    const QUrl api = m_fake->apiUrl();
    const QString host = api.host();
    m_storedHosts.append(host);

    SignInDialog dialog(m_validator.get(), m_tokens.get(), api);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.show();
    // A pasted token often ends with a newline.
    fill(dialog, api.toString(), QString::fromLatin1(FakeGitHub::Tokens::Octocat) + u"\n"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);

    QVERIFY(signedIn.wait(KeychainTimeoutMs));
    QCOMPARE(signedIn.count(), 1);
    QCOMPARE(signedIn.first().at(0).toUrl(), api);
    QCOMPARE(signedIn.first().at(1).toString(), u"octocat"_s);
    QCOMPARE(signedIn.first().at(2).value<TokenSource>(), TokenSource::Keychain);
    QCOMPARE(dialog.state(), SignInDialog::State::SignedIn);
    QCOMPARE(dialog.login(), u"octocat"_s);
    QCOMPARE(dialog.apiUrl(), api);
    QCOMPARE(dialog.token(), QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QCOMPARE(dialog.tokenSource(), TokenSource::Keychain);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());

    const Loaded stored = loadStored(host);
    QCOMPARE(stored.source, TokenSource::Keychain);
    QVERIFY2(stored.token == QString::fromLatin1(FakeGitHub::Tokens::Octocat),
             "the keychain holds another token");

    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().method, QByteArray("GET"));
    QCOMPARE(log.first().path, u"/user"_s);
    QVERIFY(log.first().authorized);
    QCOMPARE(log.first().login, u"octocat"_s);
    QCOMPARE(log.first().status, 200);
}

void TestAccountDialogs::signIn_githubDotCom_usesTheDefaultApiUrl()
{
    // Nothing goes to the real github.com: the check is cancelled before the event loop sends it.
    SignInDialog dialog(m_validator.get(), m_tokens.get(), QUrl());
    QVERIFY(dialog.findChild<QRadioButton *>(u"githubChoice"_s)->isChecked());
    fill(dialog, QString(), u"ghp_anything"_s);
    dialog.signIn();
    QCOMPARE(dialog.state(), SignInDialog::State::Validating);
    QVERIFY(dialog.findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"api.github.com"_s));
    dialog.reject();
    QCOMPARE(dialog.state(), SignInDialog::State::Editing);
    QVERIFY(dialog.apiUrl().isEmpty());
}

void TestAccountDialogs::signIn_isBusyWhileCheckingAndCancelStopsIt()
{
    m_fake->setLatency(3000);
    const QUrl api = m_fake->apiUrl();
    SignInDialog dialog(m_validator.get(), m_tokens.get(), api);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    QSignalSpy saved(m_tokens.get(), &TokenStore::saved);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, api.toString(), QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);

    QCOMPARE(dialog.state(), SignInDialog::State::Validating);
    QVERIFY(dialog.findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());
    QVERIFY(!dialog.findChild<QLineEdit *>(u"tokenField"_s)->isEnabled());
    QVERIFY(!dialog.findChild<QLineEdit *>(u"apiUrlField"_s)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"signInButton"_s)->isEnabled());
    // The dialog stays responsive while the request is under way: the request reaches the fake.
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->inFlight() == 1, NetworkTimeoutMs);

    auto *cancel = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.state(), SignInDialog::State::Editing);

    // The fake answers after its latency; nobody listens any more: the check's own client is gone.
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->inFlight() == 0, NetworkTimeoutMs);
    QVERIFY(!m_validator->isValidating());
    QTRY_VERIFY(m_validator->findChildren<Hubshelf::GitHub::Client *>().isEmpty());
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.login().isEmpty());
    QVERIFY(dialog.token().isEmpty());
}

void TestAccountDialogs::signIn_badToken_showsGitHubsWordsAndStoresNothing()
{
    if (!m_noKeychainReason.isEmpty()) {
        QSKIP(qPrintable(m_noKeychainReason));
    }
    const QUrl api = m_fake->apiUrl();
    SignInDialog dialog(m_validator.get(), m_tokens.get(), api);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    QSignalSpy saved(m_tokens.get(), &TokenStore::saved);
    dialog.show();
    fill(dialog, api.toString(), BadToken);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), SignInDialog::State::Editing, NetworkTimeoutMs);

    Hubshelf::GitHub::Error unauthorized;
    unauthorized.kind = Hubshelf::GitHub::Error::Kind::Unauthorized;
    unauthorized.httpStatus = 401;
    unauthorized.githubMessage = u"Bad credentials"_s;
    const QString text = dialog.findChild<QLabel *>(u"messageLabel"_s)->text();
    QVERIFY2(text.contains(unauthorized.message()), qPrintable(text));
    QVERIFY(text.contains(u"Bad credentials"_s));
    QVERIFY(dialog.isVisible());
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.findChild<QLineEdit *>(u"tokenField"_s)->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"signInButton"_s)->isEnabled());
    expectTokenNowhere(dialog, BadToken);

    QCOMPARE(m_fake->requestLog().size(), 1);
    QCOMPARE(m_fake->requestLog().first().status, 401);
    const Loaded stored = loadStored(api.host());
    QCOMPARE(stored.source, TokenSource::None);
    QVERIFY(stored.token.isEmpty());
}

void TestAccountDialogs::signIn_invalidEnterpriseUrl_isRefusedWithoutARequest_data()
{
    QTest::addColumn<QString>("apiUrl");
    QTest::newRow("no scheme") << u"github.example.com/api/v3"_s;
    QTest::newRow("ftp") << u"ftp://github.example.com/api/v3"_s;
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("no host") << u"https://"_s;
    QTest::newRow("fragment") << u"https://github.example.com/api/v3#x"_s;
    QTest::newRow("clear text over the network") << u"http://github.example.com/api/v3"_s;
}

void TestAccountDialogs::signIn_invalidEnterpriseUrl_isRefusedWithoutARequest()
{
    QFETCH(QString, apiUrl);
    SignInDialog dialog(m_validator.get(), m_tokens.get(), m_fake->apiUrl());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QString token = QString::fromLatin1(FakeGitHub::Tokens::Octocat);
    fill(dialog, apiUrl, token);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);

    // Refused on the spot: no client was made, nothing was queued.
    QCOMPARE(dialog.state(), SignInDialog::State::Editing);
    QString problem;
    QVERIFY(!Preferences::apiUrlFromText(apiUrl, &problem).isValid());
    const auto *message = dialog.findChild<QLabel *>(u"messageLabel"_s);
    QCOMPARE(message->text(), problem);
    QVERIFY(message->isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"apiUrlField"_s));
    expectTokenNowhere(dialog, token);
    QVERIFY(!m_validator->isValidating());
    QVERIFY(m_validator->findChildren<Hubshelf::GitHub::Client *>().isEmpty());
    QCOMPARE(apiRequests(), 0);
}

void TestAccountDialogs::signIn_unreachableHost_saysTheNetworkFailed()
{
    SignInDialog dialog(m_validator.get(), m_tokens.get(), m_fake->apiUrl());
    dialog.setRetryBaseDelay(1);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    dialog.show();
    fill(dialog, u"http://127.0.0.1:1"_s, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.state(), SignInDialog::State::Validating);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), SignInDialog::State::Editing, NetworkTimeoutMs);

    const QString text = dialog.findChild<QLabel *>(u"messageLabel"_s)->text();
    QVERIFY2(text.startsWith(u"Could not get an answer from 127.0.0.1"_s), qPrintable(text));
    QVERIFY2(text.contains(u"network connection"_s), qPrintable(text));
    QCOMPARE(signedIn.count(), 0);
    expectTokenNowhere(dialog, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QVERIFY(!dialog.findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());
}

void TestAccountDialogs::signIn_withoutKeychain_succeedsForThisSessionOnly()
{
    if (!qEnvironmentVariableIsSet(NoKeychainChild)) {
        // Re-run just this test in a child whose D-Bus address leads nowhere: no Secret Service.
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(NoKeychainChild), u"1"_s);
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/hubshelf-test-bus"_s);
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.remove(u"HUBSHELF_SCREENSHOT_DIR"_s);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"signIn_withoutKeychain_succeedsForThisSessionOnly"_s});
        QVERIFY(child.waitForFinished(60'000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(
            output.contains("PASS   : TestAccountDialogs::signIn_withoutKeychain_succeedsForThisSessionOnly"),
            output.constData());
        return;
    }

    const QUrl api = m_fake->apiUrl();
    SignInDialog dialog(m_validator.get(), m_tokens.get(), api);
    QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
    dialog.show();
    fill(dialog, api.toString(), QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    QVERIFY(signedIn.wait(KeychainTimeoutMs));
    QCOMPARE(signedIn.first().at(2).value<TokenSource>(), TokenSource::Session);
    QCOMPARE(dialog.tokenSource(), TokenSource::Session);
    QCOMPARE(dialog.login(), u"octocat"_s);
    QVERIFY(!m_tokens->keychainAvailable());

    // Still open, saying so plainly; OK (or Esc) closes it as a success.
    QVERIFY(dialog.isVisible());
    const QString text = dialog.findChild<QLabel *>(u"messageLabel"_s)->text();
    QVERIFY2(text.contains(u"Signed in as octocat"_s), qPrintable(text));
    QVERIFY2(text.contains(u"this session only"_s), qPrintable(text));
    expectTokenNowhere(dialog, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QVERIFY(!dialog.findChild<QPushButton *>(u"signInButton"_s)->isVisible());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

// --- SettingsDialog --------------------------------------------------------------------------

void TestAccountDialogs::settings_loadsStoredValues()
{
    QSettings settings;
    Preferences stored;
    stored.apiUrl = QUrl(u"https://github.example.com/api/v3"_s);
    stored.maxConcurrent = 2;
    stored.cacheSizeLimitMiB = 512;
    stored.csvFormulaGuard = false;
    stored.csvByteOrderMark = true;
    stored.save(settings);

    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, nullptr);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiUrlField"_s)->text(), u"https://github.example.com/api/v3"_s);
    auto *concurrency = dialog.findChild<QSpinBox *>(u"concurrencySpinBox"_s);
    QCOMPARE(concurrency->value(), 2);
    QCOMPARE(concurrency->minimum(), 1);
    QCOMPARE(concurrency->maximum(), 8);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"cacheLimitSpinBox"_s)->value(), 512);
    QVERIFY(!dialog.findChild<QCheckBox *>(u"formulaGuardCheckBox"_s)->isChecked());
    QVERIFY(dialog.findChild<QCheckBox *>(u"byteOrderMarkCheckBox"_s)->isChecked());
    QVERIFY(dialog.settings() == stored);
    QVERIFY(dialog.values() == stored);
}

void TestAccountDialogs::settings_okSavesAndAppliesTheCacheLimit()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    Hubshelf::Cache::EtagCache cache(folder.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());

    QSettings settings;
    Preferences before;
    before.lastSaveDirectory = u"/tmp/exports"_s;
    before.save(settings);

    // As main.cpp wires them: the cache follows the settings.
    Hubshelf::Settings::AppSettings facade(&settings);
    Hubshelf::Settings::applyToServices(facade, nullptr, &cache);
    SettingsDialog dialog(&facade, &cache);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *url = dialog.findChild<QLineEdit *>(u"apiUrlField"_s);
    url->selectAll();
    QTest::keyClicks(url, u"https://ghe.example.org/api/v3/"_s);
    dialog.findChild<QSpinBox *>(u"concurrencySpinBox"_s)->setValue(6);
    dialog.findChild<QSpinBox *>(u"cacheLimitSpinBox"_s)->setValue(64);
    dialog.findChild<QCheckBox *>(u"formulaGuardCheckBox"_s)->setChecked(false);
    dialog.findChild<QCheckBox *>(u"byteOrderMarkCheckBox"_s)->setChecked(true);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    const Preferences saved = Preferences::load(settings);
    QCOMPARE(saved.apiUrl, QUrl(u"https://ghe.example.org/api/v3"_s));
    QCOMPARE(saved.maxConcurrent, 6);
    QCOMPARE(saved.cacheSizeLimitMiB, 64);
    QCOMPARE(saved.csvFormulaGuard, false);
    QCOMPARE(saved.csvByteOrderMark, true);
    QCOMPARE(saved.lastSaveDirectory, u"/tmp/exports"_s); // not the form's, kept as it was
    QVERIFY(dialog.settings() == saved);
    QCOMPARE(cache.sizeLimit(), 64LL * 1024 * 1024);

    // OK with nothing changed saves and closes without announcing a change.
    SettingsDialog again(&facade, &cache);
    QSignalSpy unchanged(&again, &SettingsDialog::settingsChanged);
    again.accept();
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QCOMPARE(unchanged.count(), 0);
}

void TestAccountDialogs::settings_cancelSavesNothing()
{
    QSettings settings;
    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, nullptr);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.findChild<QSpinBox *>(u"concurrencySpinBox"_s)->setValue(1);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QVERIFY(settings.allKeys().isEmpty());
}

void TestAccountDialogs::settings_restoreDefaults_resetsTheFormUntilOk()
{
    QSettings settings;
    Preferences stored;
    stored.apiUrl = QUrl(u"https://github.example.com/api/v3"_s);
    stored.maxConcurrent = 8;
    stored.cacheSizeLimitMiB = 2048;
    stored.csvFormulaGuard = false;
    stored.csvByteOrderMark = true;
    stored.lastSaveDirectory = u"/tmp/exports"_s;
    stored.save(settings);

    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, nullptr);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults),
                      Qt::LeftButton);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiUrlField"_s)->text(), u"https://api.github.com"_s);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"concurrencySpinBox"_s)->value(), 4);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"cacheLimitSpinBox"_s)->value(), 256);
    QVERIFY(dialog.findChild<QCheckBox *>(u"formulaGuardCheckBox"_s)->isChecked());
    QVERIFY(!dialog.findChild<QCheckBox *>(u"byteOrderMarkCheckBox"_s)->isChecked());
    // Nothing is saved before OK.
    QVERIFY(Preferences::load(settings) == stored);

    dialog.accept();
    Preferences expected;
    expected.lastSaveDirectory = u"/tmp/exports"_s;
    QVERIFY(Preferences::load(settings) == expected);
}

void TestAccountDialogs::settings_invalidApiUrl_isRefusedNextToTheField()
{
    QSettings settings;
    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, nullptr);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *url = dialog.findChild<QLineEdit *>(u"apiUrlField"_s);
    url->setText(u"github.example.com/api/v3"_s);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QVERIFY(dialog.isVisible());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(settings.allKeys().isEmpty());
    auto *problem = dialog.findChild<QLabel *>(u"apiUrlProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(u"https://"_s));
    QCOMPARE(QApplication::focusWidget(), url);

    // Typing hides the sentence; a valid address is then accepted.
    url->selectAll();
    QTest::keyClicks(url, u"https://github.example.com/api/v3"_s);
    QVERIFY(!problem->isVisible());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(Preferences::load(settings).apiUrl, QUrl(u"https://github.example.com/api/v3"_s));
}

void TestAccountDialogs::settings_showsCacheSizeAndLifetimeStatistics()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    Hubshelf::Cache::EtagCache cache(folder.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QVERIFY(cache.store(entry("/users/octocat", 2048)));
    QVERIFY(cache.store(entry("/users/octocat/gists", 4096)));
    cache.recordFreshHit(2048);
    cache.recordRevalidated(4096);
    cache.recordRevalidated(4096);
    cache.recordMiss();

    QSettings settings;
    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, &cache);
    dialog.show();
    const QString size = dialog.findChild<QLabel *>(u"cacheSizeLabel"_s)->text();
    QCOMPARE(size, u"2 responses, 6.1 kB"_s); // one spelling of sizes in the window: SI, "kB"
    const QString statistics = dialog.findChild<QLabel *>(u"cacheStatisticsLabel"_s)->text();
    QVERIFY2(statistics.startsWith(u"Hits: 3 (1 fresh, 2 revalidated) · Misses: 1\nRequests saved: 3 · "_s),
             qPrintable(statistics));

    // Live while shown.
    cache.recordFreshHit(10);
    QVERIFY(dialog.findChild<QLabel *>(u"cacheStatisticsLabel"_s)->text().startsWith(u"Hits: 4 (2 fresh"_s));
}

void TestAccountDialogs::settings_clearCache_asksInlineThenEmptiesTheCache()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    Hubshelf::Cache::EtagCache cache(folder.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(cache.store(entry("/users/user-" + QByteArray::number(i), 1000)));
    }
    QCOMPARE(cache.entryCount(), 3);

    QSettings settings;
    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, &cache);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *clear = dialog.findChild<QPushButton *>(u"clearCacheButton"_s);
    auto *question = dialog.findChild<QWidget *>(u"clearCacheQuestion"_s);
    auto *result = dialog.findChild<QLabel *>(u"clearCacheResult"_s);
    QVERIFY(clear->isEnabled());
    QVERIFY(!question->isVisible());

    // First the question, in the dialog; Keep leaves everything.
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(question->isVisible());
    QVERIFY(!clear->isEnabled());
    QCOMPARE(cache.entryCount(), 3);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"keepCacheButton"_s), Qt::LeftButton);
    QVERIFY(!question->isVisible());
    QVERIFY(clear->isEnabled());
    QCOMPARE(cache.entryCount(), 3);

    // Then for real.
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(question->isVisible());
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"confirmClearCacheButton"_s), Qt::LeftButton);
    QCOMPARE(cache.entryCount(), 0);
    QVERIFY(!question->isVisible());
    QVERIFY(result->isVisible());
    QCOMPARE(result->text(), u"Removed 3 responses."_s);
    QVERIFY(dialog.findChild<QLabel *>(u"cacheSizeLabel"_s)->text().startsWith(u"0 responses"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"cacheSizeLabel"_s)->text().startsWith(u"0 responses"_s));
    QVERIFY(dialog.isVisible()); // clearing is not closing
}

void TestAccountDialogs::settings_withoutExplicitSettings_usesTheApplicationsOwn()
{
    Preferences stored;
    stored.maxConcurrent = 3;
    stored.lastSaveDirectory = u"/tmp/exports"_s;
    {
        QSettings settings;
        stored.save(settings);
    }
    Hubshelf::Settings::AppSettings applicationSettings; // on the application's own QSettings
    auto *dialog = new SettingsDialog(&applicationSettings, nullptr);
    QCOMPARE(dialog->findChild<QSpinBox *>(u"concurrencySpinBox"_s)->value(), 3);
    dialog->findChild<QSpinBox *>(u"concurrencySpinBox"_s)->setValue(5);
    dialog->accept();
    delete dialog;
    const Preferences saved = Preferences::load(QSettings());
    QCOMPARE(saved.maxConcurrent, 5);
    QCOMPARE(saved.lastSaveDirectory, u"/tmp/exports"_s);
}

void TestAccountDialogs::settings_withoutCache_cannotClear()
{
    QSettings settings;
    Hubshelf::Settings::AppSettings facade(&settings);
    SettingsDialog dialog(&facade, nullptr);
    QVERIFY(!dialog.findChild<QPushButton *>(u"clearCacheButton"_s)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(u"cacheSizeLabel"_s)->text().contains(u"off"_s));
    dialog.requestClearCache(); // harmless
    QVERIFY(dialog.findChild<QWidget *>(u"clearCacheQuestion"_s)->isHidden());
}

// --- Screenshots -----------------------------------------------------------------------------

void TestAccountDialogs::screenshots()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    Hubshelf::Cache::EtagCache cache(folder.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    for (int i = 0; i < 40; ++i) {
        QVERIFY(cache.store(entry("/users/user-" + QByteArray::number(i), 30'000 + 977 * i)));
    }
    for (int i = 0; i < 120; ++i) {
        cache.recordFreshHit(30'000);
    }
    for (int i = 0; i < 85; ++i) {
        cache.recordRevalidated(45'000);
    }
    for (int i = 0; i < 40; ++i) {
        cache.recordMiss();
    }

    const QPalette light = QApplication::palette();
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? darkPalette() : light);
        const QString suffix = dark ? u"-dark.png"_s : u".png"_s;

        // Sign-in after GitHub refused a token: the state worth looking at.
        {
            SignInDialog dialog(m_validator.get(), m_tokens.get(), m_fake->apiUrl());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            fill(dialog, m_fake->apiUrl().toString() + u"/api/v3"_s, BadToken);
            dialog.signIn();
            QTRY_COMPARE_WITH_TIMEOUT(dialog.state(), SignInDialog::State::Editing, NetworkTimeoutMs);
            fitToWidth(dialog, 600);
            QVERIFY(dialog.grab().save(QDir(dir).filePath(u"signin-dialog"_s + suffix)));
        }

        // Settings with a used cache and the clear question open.
        {
            QSettings settings;
            Hubshelf::Settings::AppSettings facade(&settings);
            SettingsDialog dialog(&facade, &cache);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.requestClearCache();
            // The settings scroll above the buttons, so the layout's height for a width is not the
            // dialog's: it is shown at the height it opens with, as a person sees it.
            dialog.resize(600, dialog.height());
            QVERIFY(dialog.grab().save(QDir(dir).filePath(u"settings-dialog"_s + suffix)));
        }
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestAccountDialogs)
#include "test_accountdialogs.moc"
