#include "auth/tokenstore.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using Hubshelf::Auth::TokenSource;
using Hubshelf::Auth::TokenStore;

namespace Hubshelf::Auth {

const char *sourceName(TokenSource source)
{
    return tokenSourceName(source);
}

// QCOMPARE finds this through ADL and prints the source's name on a mismatch.
char *toString(TokenSource source)
{
    return qstrdup(sourceName(source));
}

} // namespace Hubshelf::Auth

namespace {

using Hubshelf::Auth::sourceName;

// The first Secret Service call of a run starts gnome-keyring through D-Bus activation.
constexpr int kKeychainTimeoutMs = 20'000;

// The test executable re-runs itself in this mode to see the store without a D-Bus session.
constexpr char kChildMode[] = "HUBSHELF_TEST_TOKENSTORE_CHILD";
constexpr char kChildService[] = "HUBSHELF_TEST_TOKENSTORE_SERVICE";
constexpr char kChildHost[] = "HUBSHELF_TEST_TOKENSTORE_HOST";
constexpr char kChildToken[] = "HUBSHELF_TEST_TOKENSTORE_TOKEN";

QString randomAlphanumeric(int length)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i) {
        result.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    }
    return result;
}

// Every message logged while the tests run, to prove that no token ever reaches one.
struct LogCapture
{
    QMutex mutex;
    QStringList messages;
    QtMessageHandler previous = nullptr;
};

LogCapture &logCapture()
{
    static LogCapture capture;
    return capture;
}

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogCapture &capture = logCapture();
    {
        QMutexLocker lock(&capture.mutex);
        capture.messages.append(
            QString(QLatin1StringView(context.category ? context.category : "default") + u": "_s + message));
    }
    if (capture.previous) {
        capture.previous(type, context, message);
    }
}

// Reads the Secret Service directly over D-Bus, without QtKeychain, to prove where a token really
// is. Blocking calls are fine here: this is test code, not the application's event loop.
// QtKeychain's libsecret backend stores items with the attributes user = key (the API host) and
// server = service.
namespace SecretService {

const QString kService = u"org.freedesktop.secrets"_s;

QDBusMessage call(const QString &path, const QString &interface, const QString &method,
                  const QVariantList &arguments = {})
{
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, interface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, kKeychainTimeoutMs);
}

QList<QDBusObjectPath> search(const QString &service, const QString &apiHost = {})
{
    QMap<QString, QString> attributes{{u"server"_s, service}};
    if (!apiHost.isEmpty()) {
        attributes.insert(u"user"_s, apiHost);
    }
    const QDBusMessage reply = call(u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s,
                                    u"SearchItems"_s, {QVariant::fromValue(attributes)});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        qWarning() << "SearchItems failed:" << reply.errorMessage();
        return {};
    }
    // Both the unlocked and the locked matches: either way the item exists.
    return qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0)) +
           qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
}

QString secret(const QDBusObjectPath &item)
{
    // The "plain" algorithm: no transport encryption, which is what secret-tool does on a private bus.
    const QDBusMessage opened =
        call(u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s, u"OpenSession"_s,
             {u"plain"_s, QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2) {
        qWarning() << "OpenSession failed:" << opened.errorMessage();
        return {};
    }
    const auto session = qdbus_cast<QDBusObjectPath>(opened.arguments().at(1));
    const QDBusMessage reply =
        call(item.path(), u"org.freedesktop.Secret.Item"_s, u"GetSecret"_s, {QVariant::fromValue(session)});
    call(session.path(), u"org.freedesktop.Secret.Session"_s, u"Close"_s);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qWarning() << "GetSecret failed:" << reply.errorMessage();
        return {};
    }
    // (oayays): session, parameters, value, content type
    const auto argument = reply.arguments().at(0).value<QDBusArgument>();
    QDBusObjectPath secretSession;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
    argument.beginStructure();
    argument >> secretSession >> parameters >> value >> contentType;
    argument.endStructure();
    return QString::fromUtf8(value);
}

bool deleteItem(const QDBusObjectPath &item)
{
    const QDBusMessage reply = call(item.path(), u"org.freedesktop.Secret.Item"_s, u"Delete"_s);
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace SecretService

struct Loaded
{
    QString token;
    TokenSource source = TokenSource::None;
};

// The helpers use QTRY_ and QCOMPARE, which return on failure; callers check currentTestFailed().
#define CHECKED(call)                                                                                        \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed()) {                                                                    \
            return;                                                                                          \
        }                                                                                                    \
    } while (false)

void loadToken(TokenStore &store, const QString &apiHost, Loaded &result)
{
    QSignalSpy loaded(&store, &TokenStore::loaded);
    QSignalSpy failed(&store, &TokenStore::failed);
    store.load(apiHost);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, kKeychainTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), apiHost);
    result.token = loaded.at(0).at(1).toString();
    result.source = loaded.at(0).at(2).value<TokenSource>();
}

void saveToken(TokenStore &store, const QString &apiHost, const QString &token, TokenSource &source)
{
    QSignalSpy saved(&store, &TokenStore::saved);
    QSignalSpy failed(&store, &TokenStore::failed);
    store.save(apiHost, token);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() + failed.count() > 0, kKeychainTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), apiHost);
    source = saved.at(0).at(1).value<TokenSource>();
}

void removeToken(TokenStore &store, const QString &apiHost)
{
    QSignalSpy removed(&store, &TokenStore::removed);
    QSignalSpy failed(&store, &TokenStore::failed);
    store.remove(apiHost);
    QTRY_VERIFY_WITH_TIMEOUT(removed.count() + failed.count() > 0, kKeychainTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), apiHost);
}

// The child mode: the same TokenStore in a process without a D-Bus session. It reports what it saw
// on stdout, one line each, and never prints the token itself.
int runNoKeychainChild()
{
    const QString service = qEnvironmentVariable(kChildService);
    const QString host = qEnvironmentVariable(kChildHost);
    const QString token = qEnvironmentVariable(kChildToken);
    QTextStream out(stdout);
    const auto yesNo = [](bool value) { return value ? "yes" : "no"; };

    TokenStore store(service);
    store.setEnvironment(QProcessEnvironment()); // no GH_TOKEN/GITHUB_TOKEN in the way
    out << "available-before: " << yesNo(store.keychainAvailable()) << Qt::endl;

    int unavailableCount = 0;
    QString unavailableMessage;
    int events = 0;
    const auto report = [&](const QString &line) {
        out << "event: " << line << Qt::endl;
        ++events;
        // The first load (of another host) and the save go out together, so both reach the keychain
        // and both fail; the rest follow one by one.
        switch (events) {
        case 2:
            store.load(host);
            break;
        case 3:
            store.remove(host);
            break;
        case 4:
            store.load(host);
            break;
        case 5:
            out << "unavailable-count: " << unavailableCount << Qt::endl;
            out << "unavailable-message-empty: " << yesNo(unavailableMessage.trimmed().isEmpty()) << Qt::endl;
            out << "unavailable-message-has-token: " << yesNo(unavailableMessage.contains(token)) << Qt::endl;
            out << "available-after: " << yesNo(store.keychainAvailable()) << Qt::endl;
            QCoreApplication::exit(0);
            break;
        default:
            break;
        }
    };

    QObject::connect(&store, &TokenStore::keychainUnavailable, &store, [&](const QString &message) {
        ++unavailableCount;
        unavailableMessage = message;
    });
    QObject::connect(
        &store, &TokenStore::loaded, &store,
        [&](const QString &, const QString &loadedToken, TokenSource source) {
            const char *which = loadedToken.isEmpty()  ? ""
                                : loadedToken == token ? " same-token"
                                                       : " other-token";
            report(QString(u"loaded "_s + QLatin1StringView(sourceName(source)) + QLatin1StringView(which)));
        });
    QObject::connect(&store, &TokenStore::saved, &store, [&](const QString &, TokenSource source) {
        report(QString(u"saved "_s + QLatin1StringView(sourceName(source))));
    });
    QObject::connect(&store, &TokenStore::removed, &store, [&](const QString &) { report(u"removed"_s); });
    QObject::connect(&store, &TokenStore::failed, &store, [&](const QString &, const QString &message) {
        out << "failed: " << QString(message).replace(token, u"[token]"_s) << Qt::endl;
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(60'000, &store, [&] {
        out << "timeout after " << events << " events" << Qt::endl;
        QCoreApplication::exit(2);
    });

    store.load(QString(u"other-"_s + host));
    store.save(host, token);
    return QCoreApplication::exec();
}

} // namespace

class TestTokenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void keychain_saveLoadRemove_roundTripsThroughSecretService();
    void keychain_twoHosts_keepSeparateTokens();
    void environment_overridesKeychain_data();
    void environment_overridesKeychain();
    void noKeychain_keepsTokenForSessionOnly_andSaysSoOnce();
    void save_emptyHostOrToken_failsWithoutEchoingToken();
    void malformedToken_isRefusedFromEnvironmentAndSave();
    // Last: it reads every message the run has logged so far.
    void logs_neverContainAToken();

private:
    QString newToken();
    QString newHost(const QString &purpose) const;

    QString m_service;
    QStringList m_tokens;
    QByteArray m_noKeychainReason; // empty when the Secret Service answered
};

// A skipped keychain test says why; under tests/run-in-session.sh a missing keychain is a failure.
#define REQUIRE_KEYCHAIN()                                                                                   \
    do {                                                                                                     \
        if (!m_noKeychainReason.isEmpty()) {                                                                 \
            if (qEnvironmentVariableIsSet("HUBSHELF_IN_SESSION")) {                                          \
                QFAIL(m_noKeychainReason.constData());                                                       \
            }                                                                                                \
            QSKIP(m_noKeychainReason.constData());                                                           \
        }                                                                                                    \
    } while (false)

QString TestTokenStore::newToken()
{
    // Shaped like a classic personal access token, random per run so that a leak is unambiguous.
    m_tokens.append(u"ghp_"_s + randomAlphanumeric(36));
    return m_tokens.constLast();
}

QString TestTokenStore::newHost(const QString &purpose) const
{
    return QString(purpose + u'-' + randomAlphanumeric(8).toLower() + u".hubshelf.test"_s);
}

void TestTokenStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qDBusRegisterMetaType<QMap<QString, QString>>();

    // QTest installs its own handler in qExec(); ours records, then passes every message on to it.
    logCapture().previous = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(u"hubshelf.*.debug=true"_s);

    m_service = u"hubshelf-test-"_s + randomAlphanumeric(12).toLower();

    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_noKeychainReason = "There is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset), so there is no "
                             "Secret Service to test against: run the tests through tests/run-in-session.sh.";
        return;
    }
    // One read of a key that does not exist tells whether a Secret Service answers on this bus.
    TokenStore probe(m_service);
    probe.setEnvironment(QProcessEnvironment());
    QSignalSpy loaded(&probe, &TokenStore::loaded);
    QSignalSpy failed(&probe, &TokenStore::failed);
    probe.load(newHost(u"probe"_s));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, kKeychainTimeoutMs);
    if (!probe.keychainAvailable() || !failed.isEmpty()) {
        m_noKeychainReason = "The D-Bus session has no usable Secret Service (QtKeychain found no keychain "
                             "there): run the tests through tests/run-in-session.sh, which starts "
                             "gnome-keyring.";
    }
}

void TestTokenStore::cleanupTestCase()
{
    // Whatever a failed test left behind under this run's service name.
    if (m_noKeychainReason.isEmpty()) {
        const QList<QDBusObjectPath> leftovers = SecretService::search(m_service);
        for (const QDBusObjectPath &item : leftovers) {
            SecretService::deleteItem(item);
        }
        QVERIFY(SecretService::search(m_service).isEmpty());
    }
    qInstallMessageHandler(logCapture().previous);
}

void TestTokenStore::keychain_saveLoadRemove_roundTripsThroughSecretService()
{
    REQUIRE_KEYCHAIN();
    const QString host = newHost(u"roundtrip"_s);
    const QString token = newToken();

    TokenStore store(m_service);
    store.setEnvironment(QProcessEnvironment());
    QSignalSpy unavailable(&store, &TokenStore::keychainUnavailable);

    TokenSource savedIn = TokenSource::None;
    CHECKED(saveToken(store, host, token, savedIn));
    QCOMPARE(savedIn, TokenSource::Keychain);

    Loaded same;
    CHECKED(loadToken(store, host, same));
    QCOMPARE(same.source, TokenSource::Keychain);
    QCOMPARE(same.token, token);

    // A fresh store has nothing in memory: it can only have read the token from the Secret Service.
    {
        TokenStore fresh(m_service);
        fresh.setEnvironment(QProcessEnvironment());
        Loaded again;
        CHECKED(loadToken(fresh, host, again));
        QCOMPARE(again.source, TokenSource::Keychain);
        QCOMPARE(again.token, token);
    }

    // And the Secret Service itself holds it, read without QtKeychain.
    const QList<QDBusObjectPath> items = SecretService::search(m_service, host);
    QCOMPARE(items.size(), 1);
    QVERIFY2(SecretService::secret(items.constFirst()) == token,
             "the Secret Service item does not hold the saved token");

    // secret-tool is not a dependency; when it is there it is one more independent reader.
    const QString secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
    if (!secretTool.isEmpty()) {
        QProcess lookup;
        lookup.start(secretTool, {u"lookup"_s, u"user"_s, host, u"server"_s, m_service});
        QVERIFY(lookup.waitForFinished(kKeychainTimeoutMs));
        QVERIFY2(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed() == token,
                 "secret-tool does not find the saved token");
    }

    CHECKED(removeToken(store, host));
    QVERIFY(SecretService::search(m_service, host).isEmpty());
    {
        TokenStore fresh(m_service);
        fresh.setEnvironment(QProcessEnvironment());
        Loaded gone;
        CHECKED(loadToken(fresh, host, gone));
        QCOMPARE(gone.source, TokenSource::None);
        QVERIFY(gone.token.isEmpty());
    }
    // Signing out twice is still signed out, not an error.
    CHECKED(removeToken(store, host));

    QCOMPARE(unavailable.count(), 0);
    QVERIFY(store.keychainAvailable());
}

void TestTokenStore::keychain_twoHosts_keepSeparateTokens()
{
    REQUIRE_KEYCHAIN();
    const QString dotcom = newHost(u"api"_s);
    const QString enterprise = newHost(u"ghe"_s);
    const QString dotcomToken = newToken();
    const QString enterpriseToken = newToken();

    TokenStore store(m_service);
    store.setEnvironment(QProcessEnvironment());
    TokenSource source = TokenSource::None;
    CHECKED(saveToken(store, dotcom, dotcomToken, source));
    QCOMPARE(source, TokenSource::Keychain);
    CHECKED(saveToken(store, enterprise, enterpriseToken, source));
    QCOMPARE(source, TokenSource::Keychain);

    TokenStore fresh(m_service);
    fresh.setEnvironment(QProcessEnvironment());
    Loaded loaded;
    CHECKED(loadToken(fresh, dotcom, loaded));
    QCOMPARE(loaded.source, TokenSource::Keychain);
    QVERIFY2(loaded.token == dotcomToken, "the first host did not get its own token back");
    CHECKED(loadToken(fresh, enterprise, loaded));
    QCOMPARE(loaded.source, TokenSource::Keychain);
    QVERIFY2(loaded.token == enterpriseToken, "the second host did not get its own token back");

    // Signing out of one host leaves the other signed in.
    CHECKED(removeToken(store, dotcom));
    CHECKED(loadToken(fresh, dotcom, loaded));
    QCOMPARE(loaded.source, TokenSource::None);
    CHECKED(loadToken(fresh, enterprise, loaded));
    QCOMPARE(loaded.source, TokenSource::Keychain);
    QVERIFY2(loaded.token == enterpriseToken, "removing one host's token changed the other's");

    CHECKED(removeToken(store, enterprise));
}

void TestTokenStore::environment_overridesKeychain_data()
{
    // The host is api.github.com or an Enterprise Server's; the two variables are set, empty or
    // unset; the winner is the first variable, the second, or the keychain.
    QTest::addColumn<bool>("enterpriseHost");
    QTest::addColumn<QString>("firstVariable");
    QTest::addColumn<QString>("secondVariable");
    QTest::addColumn<QString>("ghToken");
    QTest::addColumn<QString>("githubToken");
    QTest::addColumn<QString>("winner");

    const QString gh = u"GH_TOKEN"_s;
    const QString github = u"GITHUB_TOKEN"_s;
    QTest::newRow("GH_TOKEN beats GITHUB_TOKEN and the keychain")
        << false << gh << github << u"set"_s << u"set"_s << u"first"_s;
    QTest::newRow("GH_TOKEN alone beats the keychain")
        << false << gh << github << u"set"_s << u"unset"_s << u"first"_s;
    QTest::newRow("GITHUB_TOKEN beats the keychain")
        << false << gh << github << u"unset"_s << u"set"_s << u"second"_s;
    QTest::newRow("an empty GH_TOKEN counts as unset")
        << false << gh << github << u"empty"_s << u"set"_s << u"second"_s;
    QTest::newRow("no variable: the keychain answers")
        << false << gh << github << u"unset"_s << u"unset"_s << u"keychain"_s;
    QTest::newRow("GH_ENTERPRISE_TOKEN beats GITHUB_ENTERPRISE_TOKEN on an Enterprise host")
        << true << u"GH_ENTERPRISE_TOKEN"_s << u"GITHUB_ENTERPRISE_TOKEN"_s << u"set"_s << u"set"_s
        << u"first"_s;
    QTest::newRow("GITHUB_ENTERPRISE_TOKEN beats the keychain on an Enterprise host")
        << true << u"GH_ENTERPRISE_TOKEN"_s << u"GITHUB_ENTERPRISE_TOKEN"_s << u"unset"_s << u"set"_s
        << u"second"_s;
    QTest::newRow("a github.com token never goes to an Enterprise host")
        << true << gh << github << u"set"_s << u"set"_s << u"keychain"_s;
}

void TestTokenStore::environment_overridesKeychain()
{
    QFETCH(bool, enterpriseHost);
    QFETCH(QString, firstVariable);
    QFETCH(QString, secondVariable);
    QFETCH(QString, ghToken);
    QFETCH(QString, githubToken);
    QFETCH(QString, winner);
    if (winner == "keychain"_L1) {
        REQUIRE_KEYCHAIN();
    }
    const bool haveKeychain = m_noKeychainReason.isEmpty();

    // api.github.com under this run's own service name, so that a real entry is never touched.
    const QString host = enterpriseHost ? newHost(u"env"_s) : u"api.github.com"_s;
    const QString ghValue = newToken();
    const QString githubValue = newToken();
    const QString keychainValue = newToken();

    // A different token in the keychain: the environment's must win without it being read.
    if (haveKeychain) {
        TokenStore writer(m_service);
        writer.setEnvironment(QProcessEnvironment());
        TokenSource source = TokenSource::None;
        CHECKED(saveToken(writer, host, keychainValue, source));
        QCOMPARE(source, TokenSource::Keychain);
    }

    QProcessEnvironment environment;
    const auto put = [&environment](const QString &name, const QString &mode, const QString &value) {
        if (mode == "set"_L1) {
            environment.insert(name, value);
        } else if (mode == "empty"_L1) {
            environment.insert(name, QString());
        }
    };
    put(firstVariable, ghToken, ghValue);
    put(secondVariable, githubToken, githubValue);

    TokenStore store(m_service);
    store.setEnvironment(environment);
    QSignalSpy unavailable(&store, &TokenStore::keychainUnavailable);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load(host);
    QCOMPARE(loaded.count(), 0); // results always arrive later, never inside load()
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kKeychainTimeoutMs);
    const QString token = loaded.at(0).at(1).toString();
    const auto source = loaded.at(0).at(2).value<TokenSource>();

    if (winner == "first"_L1) {
        QCOMPARE(source, TokenSource::Environment);
        QVERIFY2(token == ghValue, "the first variable's value was not the one returned");
    } else if (winner == "second"_L1) {
        QCOMPARE(source, TokenSource::Environment);
        QVERIFY2(token == githubValue, "the second variable's value was not the one returned");
    } else {
        QCOMPARE(source, TokenSource::Keychain);
        QVERIFY2(token == keychainValue, "the keychain's token was not the one returned");
    }
    // Without a keychain, asking it would also have produced this report.
    QCOMPARE(unavailable.count(), 0);

    if (haveKeychain) {
        TokenStore cleaner(m_service);
        cleaner.setEnvironment(QProcessEnvironment());
        CHECKED(removeToken(cleaner, host));
    }
}

void TestTokenStore::noKeychain_keepsTokenForSessionOnly_andSaysSoOnce()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QDir dir(root.path());
    const QStringList folders{u"home"_s, u"config"_s, u"data"_s, u"cache"_s, u"state"_s, u"runtime"_s};
    for (const QString &folder : folders) {
        QVERIFY(dir.mkdir(folder));
    }
    QVERIFY(QFile::setPermissions(dir.filePath(u"runtime"_s),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    const QString host = newHost(u"nokeychain"_s);
    const QString token = newToken();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No session bus, and no way to find or autolaunch one; no desktop that would pick KWallet.
    const QStringList withoutSession{u"DBUS_SESSION_BUS_ADDRESS"_s,
                                     u"DISPLAY"_s,
                                     u"WAYLAND_DISPLAY"_s,
                                     u"XDG_CURRENT_DESKTOP"_s,
                                     u"DESKTOP_SESSION"_s,
                                     u"GNOME_DESKTOP_SESSION_ID"_s,
                                     u"GNOME_KEYRING_CONTROL"_s,
                                     u"KDE_FULL_SESSION"_s,
                                     u"KDE_SESSION_VERSION"_s,
                                     u"GH_TOKEN"_s,
                                     u"GITHUB_TOKEN"_s};
    for (const QString &name : withoutSession) {
        environment.remove(name);
    }
    // Every place a file could land is a fresh folder; the runtime folder hides any user bus socket.
    environment.insert(u"HOME"_s, dir.filePath(u"home"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
    environment.insert(u"XDG_STATE_HOME"_s, dir.filePath(u"state"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, dir.filePath(u"runtime"_s));
    environment.insert(u"QT_LOGGING_RULES"_s, u"hubshelf.*.debug=true"_s);
    environment.insert(QLatin1StringView(kChildMode), u"no-keychain"_s);
    environment.insert(QLatin1StringView(kChildService), m_service);
    environment.insert(QLatin1StringView(kChildHost), host);
    environment.insert(QLatin1StringView(kChildToken), token);

    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), QStringList());
    QVERIFY2(child.waitForFinished(90'000), "the child without a D-Bus session did not finish");
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const QString log = QString::fromUtf8(child.readAllStandardError());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(QString(u"child failed:\n"_s + out + log).replace(token, u"[token]"_s)));

    QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 10, qPrintable(out));
    // The first load (of another host) and the first save run concurrently; their order is QtKeychain's.
    std::sort(lines.begin() + 1, lines.begin() + 3);
    const QStringList expected{
        u"available-before: yes"_s,
        u"event: loaded none"_s, // the other host: nothing stored, and no keychain to ask
        u"event: saved session"_s,
        u"event: loaded session same-token"_s,
        u"event: removed"_s,
        u"event: loaded none"_s,
        u"unavailable-count: 1"_s, // two keychain failures, one report
        u"unavailable-message-empty: no"_s,
        u"unavailable-message-has-token: no"_s,
        u"available-after: no"_s,
    };
    QCOMPARE(lines, expected);

    // The child really logged (so a leak would show), and never the token.
    QVERIFY2(log.contains(u"no keychain"_s), qPrintable(log));
    QVERIFY2(!log.contains(token), "the child's log output contains the token");

    // Nothing anywhere under the child's home and XDG folders holds the token, plain or base64.
    const QByteArray plain = token.toUtf8();
    const QByteArray base64 = plain.toBase64();
    QStringList written;
    QDirIterator files(root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        written.append(dir.relativeFilePath(path));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray contents = file.readAll();
        QVERIFY2(!contents.contains(plain) && !contents.contains(base64),
                 qPrintable(u"the token was written to "_s + path));
    }
    qInfo() << "files the child wrote:" << written;
}

void TestTokenStore::save_emptyHostOrToken_failsWithoutEchoingToken()
{
    const QString token = newToken();
    TokenStore store(m_service);
    store.setEnvironment(QProcessEnvironment());
    QSignalSpy saved(&store, &TokenStore::saved);
    QSignalSpy failed(&store, &TokenStore::failed);

    store.save(QString(), token);
    store.save(newHost(u"blank"_s), u"  \n"_s);
    QCOMPARE(failed.count(), 0); // never from inside save()
    QTRY_COMPARE(failed.count(), 2);
    for (const QList<QVariant> &arguments : std::as_const(failed)) {
        const QString message = arguments.at(1).toString();
        QVERIFY(!message.trimmed().isEmpty());
        QVERIFY2(!message.contains(token), "a failure message contains the token");
    }
    QCOMPARE(saved.count(), 0);
}

void TestTokenStore::malformedToken_isRefusedFromEnvironmentAndSave()
{
    // Issue 11, item 11: a CR/LF (or anything outside GitHub's alphabet) would become a header.
    const QString token = newToken();
    const QString host = newHost(u"malformed"_s);
    QProcessEnvironment environment;
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, token + u"\r\nX-Injected: yes"_s);
    TokenStore store(m_service);
    store.setEnvironment(environment);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    QSignalSpy saved(&store, &TokenStore::saved);
    QSignalSpy failed(&store, &TokenStore::failed);
    store.load(host);
    store.save(host, token + u" x"_s);
    store.save(host, QString(256, u'a'));
    QTRY_COMPARE(failed.count(), 3);
    QVERIFY(failed.at(0).at(1).toString().contains(u"GH_ENTERPRISE_TOKEN"_s));
    for (const QList<QVariant> &arguments : std::as_const(failed)) {
        QCOMPARE(arguments.at(0).toString(), host);
        QVERIFY2(!arguments.at(1).toString().contains(token), "a failure message contains the token");
    }
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(saved.count(), 0);
}

void TestTokenStore::logs_neverContainAToken()
{
    QStringList messages;
    {
        QMutexLocker lock(&logCapture().mutex);
        messages = logCapture().messages;
    }
    QVERIFY(!m_tokens.isEmpty());
    // The capture works: the store's own messages are there.
    const bool storeLogged = std::any_of(messages.cbegin(), messages.cend(), [](const QString &message) {
        return message.startsWith(u"hubshelf.auth: "_s);
    });
    QVERIFY2(storeLogged, "no hubshelf.auth message was captured");

    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        for (const QString &message : std::as_const(messages)) {
            QVERIFY2(!message.contains(m_tokens.at(i)),
                     qPrintable(QString(u"test token %1 was logged: "_s.arg(i) + message)
                                    .replace(m_tokens.at(i), u"[token]"_s)));
        }
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable(kChildMode) == "no-keychain"_L1) {
        return runNoKeychainChild();
    }
    TestTokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_tokenstore.moc"
