// Issue 11's faults of what the CLI takes in and prints, each against the built binary: tokens
// outside GitHub's alphabet (item 11), terminal escapes in server text and echoed input (item 9),
// --limit beyond 32 bits (item 14) and core dumps while a token is in memory (item 15).

#include "clirun.h"
#include "fakegithub.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using CliTest::Run;
using FakeGitHub::Fault;

namespace {

const QByteArray Injected = "\r\nX-Injected: yes";

// Nothing that steers a terminal: no C0/C1 control but the line end, no bidi override.
bool isTerminalSafe(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n') || (u >= 0x7f && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c) {
            return false;
        }
    }
    return true;
}

// One line of a /proc/PID file.
QByteArray procLine(qint64 pid, const char *file, const QByteArray &prefix)
{
    QFile proc(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1StringView(file)));
    if (!proc.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QList<QByteArray> lines = proc.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(prefix)) {
            return line.simplified();
        }
    }
    return {};
}

} // namespace

class TestCliInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // item 11
    void environmentToken_withCrLf_isRefusedWithoutARequest();
    void loginWithToken_outsideTheAlphabet_isRefusedAndNotStored();
    void loginWithToken_oneTrailingNewlineIsTrimmed();
    // item 9
    void githubMessage_isEscapedAndCut();
    void rateLimitResources_areEscaped();
    void echoedLogin_isEscaped();
    // item 14
    void limit_beyond32Bits_isBoundedNotRefused();
    void limit_beyond64Bits_isAUsageError();
    // item 15
    void tokenInMemory_processIsNotDumpable();
    void allowCoreDumps_keepsTheProcessDumpable();

private:
    Run run(const QStringList &arguments, const QByteArray &token = FakeGitHub::Tokens::Octocat,
            const QByteArray &input = {});
    // `hubshelf api /user` against a slow fake; whether the process is dumpable (prctl's
    // PR_GET_DUMPABLE, as /proc/PID's owner shows it) and its core size limit, read while it waits.
    void dumpableWhileRunning(const QProcessEnvironment &extra, QByteArray *dumpable, QByteArray *coreLimit);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliInput::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliInput::cleanup()
{
    m_fake.reset();
    m_home.reset();
}

Run TestCliInput::run(const QStringList &arguments, const QByteArray &token, const QByteArray &input)
{
    return CliTest::runHubshelf(m_fake->apiUrl(), *m_home, arguments, token, input);
}

void TestCliInput::environmentToken_withCrLf_isRefusedWithoutARequest()
{
    const QByteArray token = FakeGitHub::Tokens::Octocat + Injected;
    const Run result = run({u"api"_s, u"/user"_s}, token);
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.contains(u"GH_ENTERPRISE_TOKEN"_s), qPrintable(result.err));
    QVERIFY2(!result.err.contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)), "the token was echoed");
    QVERIFY(!result.err.contains(u"X-Injected"_s));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_fake->requestLog().size(), 0);
}

void TestCliInput::loginWithToken_outsideTheAlphabet_isRefusedAndNotStored()
{
    const QByteArray token = FakeGitHub::Tokens::Monalisa + Injected + '\n';
    const Run login = run({u"auth"_s, u"login"_s, u"--with-token"_s}, {}, token);
    QCOMPARE(login.exitCode, 2);
    QCOMPARE(login.err.count(u'\n'), 1);
    QVERIFY2(!login.err.contains(QString::fromLatin1(FakeGitHub::Tokens::Monalisa)), "the token was echoed");
    QCOMPARE(m_fake->requestLog().size(), 0); // no header was ever built from it
    // Nothing reached the keychain: the fake's host is still signed out (or, in a session whose
    // keychain already has a token for it, not monalisa's).
    const Run status = run({u"auth"_s, u"status"_s}, {});
    QVERIFY2(!status.out.contains("monalisa"), status.out.constData());
}

void TestCliInput::loginWithToken_oneTrailingNewlineIsTrimmed()
{
    // Exactly what `echo "$TOKEN" | hubshelf auth login --with-token` sends still works; a token with
    // white space inside or a second line does not.
    const Run twoLines =
        run({u"auth"_s, u"login"_s, u"--with-token"_s}, {}, FakeGitHub::Tokens::Monalisa + "\nsecond line\n");
    QCOMPARE(twoLines.exitCode, 2);
    QCOMPARE(m_fake->requestLog().size(), 0);
    const Run login =
        run({u"auth"_s, u"login"_s, u"--with-token"_s}, {}, FakeGitHub::Tokens::Monalisa + "\r\n");
    if (login.exitCode == 1 && login.err.contains(u"no keychain"_s)) {
        QSKIP("No keychain in this session.");
    }
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QCOMPARE(m_fake->requestLog().size(), 1);
    QCOMPARE(m_fake->requestLog().constFirst().login, u"monalisa"_s);
    QCOMPARE(run({u"auth"_s, u"logout"_s}, {}).exitCode, 0);
}

void TestCliInput::githubMessage_isEscapedAndCut()
{
    // Set the title, clear the screen, ring, turn the text right to left; then a megabyte.
    const QByteArray message = "\x1b]0;pwned\x07\x1b[2J\xe2\x80\xae"
                               "evil" +
                               QByteArray(1 << 20, 'A');
    m_fake->armFault(u"/user"_s, Fault::withStatus(422, message));
    const Run result = run({u"api"_s, u"/user"_s});
    QCOMPARE(result.exitCode, 6); // GitHub rejected the request
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(isTerminalSafe(result.err), qPrintable(result.err.left(200)));
    QVERIFY2(result.err.contains(u"\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil"_s),
             qPrintable(result.err.left(200)));
    QVERIFY2(result.err.size() < 600, qPrintable(QString::number(result.err.size())));
    QVERIFY(result.err.contains(u"AAA…"_s));
}

void TestCliInput::rateLimitResources_areEscaped()
{
    m_fake->setRateLimitResource("\x1b[31mred\x1b[0m");
    const QByteArray body =
        R"({"resources":{"core":{"limit":5000,"used":1,"remaining":4999,"reset":1900000000},)"
        R"("\u001b]0;title\u0007\u202eevil":{"limit":10,"used":0,"remaining":10,"reset":1900000000}},)"
        R"("rate":{"limit":5000,"used":1,"remaining":4999,"reset":1900000000}})";
    m_fake->armFault(u"/rate_limit"_s, Fault::withBody(body));
    const Run result = run({u"rate-limit"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(isTerminalSafe(out), result.out.constData());
    QVERIFY2(out.contains(u"\\x1b]0;title\\x07\\u202eevil"_s), result.out.constData());
    QVERIFY2(out.contains(u"\\x1b[31mred\\x1b[0m"_s), result.out.constData());
}

void TestCliInput::echoedLogin_isEscaped()
{
    const Run login = run({u"export"_s, u"repos"_s, u"octocat\n"_s});
    QCOMPARE(login.exitCode, 2);
    QCOMPARE(login.err.count(u'\n'), 1);
    QVERIFY2(login.err.contains(u"'octocat\\n' is not a valid GitHub login"_s), qPrintable(login.err));
    const Run kind = run({u"export"_s, u"\x1b[2J\u202e"_s, u"octocat"_s});
    QCOMPARE(kind.exitCode, 2);
    QVERIFY2(isTerminalSafe(kind.err), qPrintable(kind.err));
    QVERIFY2(kind.err.contains(u"'\\x1b[2J\\u202e' is not something to export"_s), qPrintable(kind.err));
    QCOMPARE(m_fake->requestLog().size(), 0);
}

void TestCliInput::limit_beyond32Bits_isBoundedNotRefused()
{
    // 2^31 and 3e9 are "no limit that matters", as gh takes them; they were refused (toInt overflow).
    const QByteArray all = run({u"export"_s, u"repos"_s, u"octocat"_s}).out;
    QVERIFY(!all.isEmpty());
    for (const QString &limit :
         {u"2147483647"_s, u"2147483648"_s, u"3000000000"_s, u"9223372036854775807"_s}) {
        const Run result = run({u"export"_s, u"repos"_s, u"octocat"_s, u"--limit"_s, limit});
        QVERIFY2(result.exitCode == 0, qPrintable(limit + u": "_s + result.err));
        QCOMPARE(result.out, all);
    }
    const Run two =
        run({u"export"_s, u"repos"_s, u"octocat"_s, u"--limit"_s, u"2"_s, u"--format"_s, u"json"_s});
    QCOMPARE(two.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(two.out).array().size(), 2);
}

void TestCliInput::limit_beyond64Bits_isAUsageError()
{
    for (const QString &limit : {u"9223372036854775808"_s, u"99999999999999999999999"_s, u"0"_s, u"-1"_s}) {
        const Run result = run({u"export"_s, u"repos"_s, u"octocat"_s, u"--limit"_s, limit});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.count(u'\n'), 1);
    }
    QCOMPARE(m_fake->requestLog().size(), 0);
}

void TestCliInput::dumpableWhileRunning(const QProcessEnvironment &extra, QByteArray *dumpable,
                                        QByteArray *coreLimit)
{
    // The kernel hands the files in /proc/PID of a process that is not dumpable to root (the folder
    // keeps its owner). Run as root, the test runs the binary as nobody, so that the owner tells the
    // two apart.
    const bool root = ::geteuid() == 0;
    const uid_t childUid = root ? 65534 : ::geteuid();
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QFile::setPermissions(home.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                   QFileDevice::WriteOther | QFileDevice::ExeOther));
    m_fake->setLatency(3000);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    for (const QString &name :
         {u"GH_TOKEN"_s, u"GITHUB_TOKEN"_s, u"GITHUB_ENTERPRISE_TOKEN"_s, u"HUBSHELF_ALLOW_CORE_DUMPS"_s,
          u"QT_LOGGING_RULES"_s, u"XDG_RUNTIME_DIR"_s, u"DBUS_SESSION_BUS_ADDRESS"_s}) {
        environment.remove(name);
    }
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    environment.insert(extra);
    QProcess process;
    process.setProcessEnvironment(environment);
    if (root) {
        process.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) {
                ::_exit(127);
            }
        });
    }
    // nobody may not reach the build folder (a checkout under /root): it runs a copy in its home.
    const QString binary = root ? home.filePath(u"hubshelf"_s) : QString::fromUtf8(HUBSHELF_BINARY);
    QVERIFY(!root || QFile::copy(QString::fromUtf8(HUBSHELF_BINARY), binary));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(binary,
                  {u"--api-url"_s, m_fake->apiUrl().toString(), u"--no-cache"_s, u"api"_s, u"/user"_s});
    QVERIFY(process.waitForStarted(10000));
    // Once the fake holds the request, the token is in the process's memory; the fake sits on the
    // answer for three seconds.
    QElapsedTimer clock;
    clock.start();
    while (m_fake->inFlight() == 0 && process.state() == QProcess::Running && clock.elapsed() < 60000) {
        QTest::qWait(20);
    }
    QVERIFY2(process.state() == QProcess::Running, process.readAllStandardError().constData());
    struct stat status
    {};
    QCOMPARE(::stat(QFile::encodeName(u"/proc/%1/environ"_s.arg(process.processId())).constData(), &status),
             0);
    QVERIFY2(status.st_uid == childUid || status.st_uid == 0, "/proc/PID/environ belongs to a stranger");
    *dumpable = status.st_uid == childUid ? "dumpable" : "not dumpable";
    *coreLimit = procLine(process.processId(), "limits", "Max core file size");
    QVERIFY(finished.wait(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(process.readAllStandardOutput().contains("octocat"));
}

void TestCliInput::tokenInMemory_processIsNotDumpable()
{
    QByteArray dumpable;
    QByteArray coreLimit;
    dumpableWhileRunning({}, &dumpable, &coreLimit);
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(dumpable, QByteArray("not dumpable"));
    QVERIFY2(coreLimit.startsWith("Max core file size 0 0 "), coreLimit.constData());
}

void TestCliInput::allowCoreDumps_keepsTheProcessDumpable()
{
    QProcessEnvironment allow;
    allow.insert(u"HUBSHELF_ALLOW_CORE_DUMPS"_s, u"1"_s);
    QByteArray dumpable;
    QByteArray coreLimit;
    dumpableWhileRunning(allow, &dumpable, &coreLimit);
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(dumpable, QByteArray("dumpable"));
}

QTEST_GUILESS_MAIN(TestCliInput)
#include "test_cli_input.moc"
