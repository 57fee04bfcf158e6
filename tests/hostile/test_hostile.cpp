// Issue 11's hostile-server suite: every fault of items 1-16 that a server or an input can show, one
// data row each, run against the built `hubshelf` binary with the fake GitHub misbehaving. A row
// states the exit code, how many requests the fake may see, how long the run may last before it is
// killed as a hang (its whole process group), and how much memory it may take at its peak (GNU
// time's %M). Every row also holds the invariants of every run: no crash, the token in no output and
// on no other origin, nothing on stderr that steers a terminal. The figures are printed as a table.

#include "clirun.h"
#include "fakegithub.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using FakeGitHub::Fault;
namespace Tokens = FakeGitHub::Tokens;

namespace {

#ifdef HUBSHELF_SANITIZED
// ASan's shadow memory and slower code: the bounds still tell a hang or a runaway from a run.
constexpr int Slack = 4;
#else
constexpr int Slack = 1;
#endif
constexpr int DefaultMaxRssMb = 150;
const QString TimeBinary = u"/usr/bin/time"_s;

// What a row's arrange and check work with.
struct Stage
{
    FakeGitHub::Server &fake;
    QTemporaryDir &home;
    std::unique_ptr<QProcess> &reader;

    QString file(const QString &name) const { return home.filePath(name); }
    QByteArray api(const QString &pathAndQuery) const
    {
        return fake.apiUrl().toEncoded() + pathAndQuery.toUtf8();
    }
    CliTest::Run run(const QStringList &arguments) const
    {
        return CliTest::runHubshelf(fake.apiUrl(), home, arguments, Tokens::Octocat);
    }
};

// What one run of the binary did.
struct Outcome
{
    bool killed = false; // still running at the row's bound, or ended by a signal
    int exitCode = -1;
    QByteArray out;
    QString err;
    int requests = 0; // to the row's path
    double seconds = 0;
    double rssMb = -1; // peak resident memory; < 0 when it could not be measured
};

struct Row
{
    QString fault;
    QStringList arguments;
    int exitCode = 0;
    QString path; // requests counted: to this path, or all when empty
    int maxRequests = 1;
    int maxSeconds = 10; // killed as a hang past it
    int maxRssMb = DefaultMaxRssMb;
    QString says;              // in the one line on stderr
    int stderrLines = -1;      // -1: one for a failure, none for a success
    bool needsDevices = false; // skipped where this process may not make device nodes
    std::function<void(Stage &)> arrange;
    std::function<void(Stage &, const Outcome &)> check; // QVERIFY and friends; runs after the others
    QByteArray token = Tokens::Octocat;
    QStringList environment; // NAME=value added to the run's
};

// Nothing that steers a terminal: no C0/C1 control but the line end, no bidi control.
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

bool isFifo(const QString &path)
{
    struct stat status
    {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISFIFO(status.st_mode);
}

bool isCharacterDevice(const QString &path)
{
    struct stat status
    {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISCHR(status.st_mode);
}

void makeFifo(const Stage &stage, const QString &name)
{
    QCOMPARE(::mkfifo(QFile::encodeName(stage.file(name)).constData(), 0600), 0);
}

// A copy of a character device in the temporary folder, so that a regression replaces the copy and
// never the system's node.
bool makeDevice(const QString &path, unsigned major, unsigned minor)
{
    return ::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(major, minor)) == 0;
}

Fault withHeaders(int count)
{
    Fault fault = Fault::withBody(R"({"login":"octocat","id":1})");
    for (int i = 0; i < count; ++i) {
        fault.headers.append({"X-Filler-" + QByteArray::number(i), "x"});
    }
    return fault;
}

Fault spentLimit(qint64 resetAt, const QByteArray &resource = "core")
{
    Fault fault = Fault::withStatus(403, "API rate limit exceeded for user ID 1.");
    fault.headers = {{"x-ratelimit-limit", "5000"},
                     {"x-ratelimit-remaining", "0"},
                     {"x-ratelimit-used", "5000"},
                     {"x-ratelimit-resource", resource},
                     {"x-ratelimit-reset", QByteArray::number(resetAt)}};
    return fault;
}

// The Link header of a page that leads to `next`, and to `last` when given.
QByteArray links(const QByteArray &next, const QByteArray &last = {})
{
    QByteArray link = "<" + next + ">; rel=\"next\"";
    if (!last.isEmpty()) {
        link += ", <" + last + ">; rel=\"last\"";
    }
    return link;
}

const QString Repos = u"/orgs/megacorp/repos"_s; // 5,000 repositories: 50 pages of 100
const QString Orgs = u"/users/octocat/orgs"_s;

QList<Row> makeRows()
{
    QList<Row> rows;
    const QStringList exportRepos{u"export"_s, u"repos"_s, u"megacorp"_s};
    const QStringList paginateRepos{u"api"_s, u"--paginate"_s, Repos};
    const QStringList apiUser{u"api"_s, u"/users/octocat"_s};
    const QStringList exportOrgs{u"export"_s, u"orgs"_s, u"octocat"_s};

    // ---- 1, 2: a failing page stops its stream; one line on stderr ------------------------------
    for (const int status : {404, 502}) {
        Row row;
        row.fault = u"1: page 3 of 50 answers %1, parallel stream"_s.arg(status);
        row.arguments = exportRepos;
        row.exitCode = status == 404 ? 3 : 6;
        row.path = Repos;
        // Page 1, then at most the cap (4) ahead of delivery, one more once page 2 is delivered; a
        // 502 adds its two retries of page 3.
        row.maxRequests = status == 404 ? 6 : 8;
        row.maxSeconds = 15;
        row.arrange = [status](Stage &stage) {
            stage.fake.setLatency(20); // pages overlap, as over a real network
            stage.fake.armFault(Repos + u"?page=3"_s, Fault::withStatus(status), -1);
        };
        rows << row;
    }

    // ---- 3: link abuse ---------------------------------------------------------------------------
    {
        Row row;
        row.fault = u"3: cyclic next, page 2 -> page 1"_s;
        row.arguments = {u"api"_s, u"--paginate"_s, Orgs};
        row.exitCode = 6;
        row.path = Orgs;
        row.maxRequests = 2;
        row.says = u"already read"_s;
        row.arrange = [](Stage &stage) {
            // Page 2's fault first: the fault of the bare path would match it too.
            stage.fake.armFault(Orgs + u"?page=2"_s,
                                Fault::withLink(links(stage.api(Orgs + u"?per_page=100&page=1"_s))), -1);
            stage.fake.armFault(Orgs, Fault::withLink(links(stage.api(Orgs + u"?per_page=100&page=2"_s))),
                                -1);
        };
        rows << row;
    }
    for (const char *last : {"1000000", "2147483647"}) {
        Row row;
        row.fault = u"3: rel=last %1"_s.arg(QLatin1StringView(last));
        row.arguments = exportRepos;
        row.exitCode = 6;
        row.path = Repos;
        row.says = u"10,000"_s;
        row.arrange = [last](Stage &stage) {
            stage.fake.armFault(Repos, Fault::withLink(links(stage.api(Repos + u"?per_page=100&page=2"_s),
                                                             stage.api(Repos + u"?per_page=100&page="_s +
                                                                       QLatin1StringView(last)))));
        };
        rows << row;
    }

    // ---- 4: schemes and origins ------------------------------------------------------------------
    const QList<QPair<QString, QString>> elsewhere = {
        {u"file:///etc/passwd"_s, u"file:"_s},
        {u"file://HOME/trap"_s, u"file:"_s}, // a FIFO without a writer: open() would never return
        {u"data:application/json,%5B%7B%7D%5D"_s, u"data:"_s},
        // Not a URL to a strict parser: a Link of it once read as no link, the list as whole.
        {u"data:application/json,[{}]"_s, u"not a valid URL"_s},
        {u"ftp://127.0.0.1/repos?page=2"_s, u"ftp:"_s},
        {u"qrc:/i18n/x"_s, u"qrc:"_s},
    };
    for (const auto &[target, linkSays] : elsewhere) {
        for (const bool redirect : {false, true}) {
            // A Location is read leniently, as browsers do: there it is a data: address.
            const QString says = redirect && linkSays == u"not a valid URL"_s ? u"data:"_s : linkSays;
            Row row;
            row.fault = u"4: %1 to %2"_s.arg(redirect ? u"redirect"_s : u"Link"_s,
                                             QString(target).replace(u"HOME/"_s, u"a FIFO at "_s));
            row.arguments = redirect ? apiUser : paginateRepos;
            row.exitCode = 6;
            row.path = redirect ? u"/users/octocat"_s : Repos;
            row.says = says;
            row.arrange = [target = target, redirect](Stage &stage) {
                QString url = target;
                if (url.contains(u"HOME/"_s)) {
                    makeFifo(stage, u"trap"_s);
                    url.replace(u"HOME"_s, stage.home.path());
                }
                if (redirect) {
                    Fault fault = Fault::withStatus(302, "Found");
                    fault.location = url.toUtf8();
                    stage.fake.armFault(u"/users/octocat"_s, fault);
                } else {
                    stage.fake.armFault(Repos, Fault::withLink(links(url.toUtf8())));
                }
            };
            rows << row;
        }
    }
    {
        Row row;
        row.fault = u"4: Link to another origin"_s;
        row.arguments = paginateRepos;
        row.exitCode = 6;
        row.path = Repos;
        row.says = u"outside the API"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(Repos, Fault::withLink(links(stage.fake.contentUrl().toEncoded() +
                                                             "/orgs/megacorp/repos?page=2")));
        };
        rows << row;
    }
    {
        // Followed, as GitHub's own redirects to other hosts are, but without the token (checked for
        // every row); what the other origin says is printed with nothing a terminal obeys.
        Row row;
        row.fault = u"4, 9: redirect to another origin, ESC and BEL in its page"_s;
        row.arguments = apiUser;
        row.path = u"/users/octocat"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(u"/users/octocat"_s,
                                Fault::redirect(302, stage.fake.contentUrl().resolved(QUrl(u"/evil"_s))));
            stage.fake.armFault(u"/evil"_s, Fault::withBody("\x1b]0;pwned\x07\x1b[2J\x7f<html>"));
        };
        row.check = [](Stage &stage, const Outcome &outcome) {
            QVERIFY2(isTerminalSafe(QString::fromUtf8(outcome.out)),
                     outcome.out.toPercentEncoding().constData());
            const QList<FakeGitHub::LoggedRequest> log = stage.fake.requestLog();
            QCOMPARE(log.size(), 2);
            QCOMPARE(log.constLast().origin, FakeGitHub::Origin::Content);
        };
        rows << row;
    }

    // ---- 5: --paginate on an object is a usage error ----------------------------------------------
    {
        Row row;
        row.fault = u"5: --paginate on an object"_s;
        row.arguments = {u"api"_s, u"--paginate"_s, u"/users/octocat"_s};
        row.exitCode = 2;
        row.path = u"/users/octocat"_s;
        row.says = u"not a list"_s;
        rows << row;
    }
    {
        Row row;
        row.fault = u"5: --paginate on {total_count, items}"_s;
        row.arguments = {u"api"_s, u"--paginate"_s, Orgs};
        row.exitCode = 2;
        row.path = Orgs;
        row.says = u"not a list"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(Orgs, Fault::withBody(R"({"total_count":1,"items":[{"id":1}]})"));
        };
        rows << row;
    }

    // ---- 6: rate-limit waits are bounded and honest ----------------------------------------------
    const qint64 farReset = QDateTime::currentSecsSinceEpoch() + 30 * 86400;
    const QString farDate = QDateTime::currentDateTime().addDays(30).toString(u"yyyy-MM-dd"_s);
    const QList<std::tuple<QString, Fault, QString>> limits = {
        {u"429 retry-after 5"_s, Fault::withStatus(429, {}, 5), u"in 5 second"_s},
        {u"429 retry-after 60"_s, Fault::withStatus(429, {}, 60), u"in 60 second"_s},
        {u"429 retry-after 3600"_s, Fault::withStatus(429, {}, 3600), u"in 3600 second"_s},
        {u"429 without retry-after"_s, Fault::withStatus(429), u"in 60 second"_s},
        {u"429 retry-after 2147483647"_s, Fault::withStatus(429, {}, 2147483647), u"try again after"_s},
        {u"secondary 403 without retry-after"_s,
         Fault::withStatus(403, "You have exceeded a secondary rate limit."), u"in 60 second"_s},
        {u"reset 30 days ahead"_s, spentLimit(farReset), farDate},
    };
    for (const auto &[name, fault, says] : limits) {
        Row row;
        row.fault = u"6: "_s + name;
        row.arguments = apiUser;
        row.exitCode = 5;
        row.path = u"/users/octocat"_s;
        row.says = says;
        row.arrange = [fault = fault](Stage &stage) { stage.fake.armFault(u"/users/octocat"_s, fault); };
        rows << row;
    }
    for (const auto &[name, fault, says] : QList<std::tuple<QString, Fault, QString>>{
             {u"429 retry-after 2147483647"_s, Fault::withStatus(429, {}, 2147483647),
              u"--wait waits at most"_s},
             {u"reset 30 days ahead"_s, spentLimit(farReset), farDate}}) {
        Row row;
        row.fault = u"6: --wait, "_s + name;
        row.arguments = QStringList{u"--wait"_s} + apiUser;
        row.exitCode = 5;
        row.path = u"/users/octocat"_s;
        row.says = says;
        row.arrange = [fault = fault](Stage &stage) { stage.fake.armFault(u"/users/octocat"_s, fault); };
        row.check = [](Stage &, const Outcome &outcome) {
            QVERIFY2(!outcome.err.contains(u"startTimer"_s), qPrintable(outcome.err));
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"6: --wait, 429 retry-after 1"_s;
        row.arguments = QStringList{u"--wait"_s} + apiUser;
        row.exitCode = 0;
        row.path = u"/users/octocat"_s;
        row.maxRequests = 2;
        row.says = u"s left"_s; // the one progress line
        row.stderrLines = 1;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(u"/users/octocat"_s, Fault::withStatus(429, {}, 1));
        };
        rows << row;
    }

    // ---- 7: a whole-transfer deadline --------------------------------------------------------------
    {
        Row row;
        row.fault = u"7: body at 1 byte/s, deadline 1 s"_s;
        row.arguments = apiUser;
        row.exitCode = 6;
        row.path = u"/users/octocat"_s;
        row.maxRequests = 3; // retried with backoff, as a stall is
        row.maxSeconds = 20;
        row.says = u"took longer than 1 second"_s;
        row.environment = {u"HUBSHELF_TRANSFER_DEADLINE=1"_s};
        row.arrange = [](Stage &stage) {
            Fault fault = Fault::of(Fault::Kind::Trickle);
            fault.trickleMilliseconds = 1000;
            stage.fake.armFault(u"/users/octocat"_s, fault, -1);
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"7: HUBSHELF_TRANSFER_DEADLINE=0 (refused)"_s;
        row.arguments = apiUser;
        row.exitCode = 0;
        row.path = u"/users/octocat"_s;
        row.says = u"HUBSHELF_TRANSFER_DEADLINE takes seconds from 1 to 3600"_s;
        row.stderrLines = 1;
        row.environment = {u"HUBSHELF_TRANSFER_DEADLINE=0"_s};
        rows << row;
    }

    // ---- 8: many or huge headers fail at once ------------------------------------------------------
    const QString oversized = u"malformed or oversized headers"_s;
    Fault hugeEtag = Fault::withBody(R"({"login":"octocat","id":1})");
    hugeEtag.headers.append({"ETag", '"' + QByteArray(1024 * 1024, 'e') + '"'});
    QByteArray flood = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    for (int i = 0; i < 10000; ++i) {
        flood += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    }
    for (const auto &[name, fault] : QList<QPair<QString, Fault>>{
             {u"100 headers"_s, withHeaders(100)},
             {u"a 1 MB ETag"_s, hugeEtag},
             {u"10,000 headers"_s, withHeaders(10000)},
             {u"10,000 headers, written raw"_s, Fault::raw(flood + "Content-Length: 2\r\n\r\n{}")},
         }) {
        Row row;
        row.fault = u"8: "_s + name;
        row.arguments = apiUser;
        row.exitCode = 6;
        row.path = u"/users/octocat"_s;
        // Bytes and close together: Qt may take the close for a dropped connection before it reads
        // them, and then sends the request once more by itself. Never a retry of ours.
        row.maxRequests = fault.kind == Fault::Kind::Raw ? 2 : 1;
        // Qt 6.4 parses a head a byte at a time: a megabyte takes seconds, 14 on a loaded machine.
        // The bound is the CLI's own inactivity timeout, which a hang would wait for three times.
        row.maxSeconds = name == u"a 1 MB ETag"_s ? 30 : 10;
        row.says = oversized;
        row.arrange = [fault = fault](Stage &stage) { stage.fake.armFault(u"/users/octocat"_s, fault, -1); };
        rows << row;
    }
    {
        // A head cut off is a dropped connection, whatever came before the cut: retried as one, and Qt
        // itself resends a request whose connection closed before the answer, so two per attempt.
        Row row;
        row.fault = u"8: 10,000 headers, then a close mid-head"_s;
        row.arguments = apiUser;
        row.exitCode = 6;
        row.path = u"/users/octocat"_s;
        row.maxRequests = 6;
        row.maxSeconds = 20;
        row.says = u"Could not get an answer"_s;
        row.arrange = [flood](Stage &stage) {
            stage.fake.armFault(u"/users/octocat"_s, Fault::raw(flood), -1);
        };
        rows << row;
    }
    {
        // Qt closes the connection on a first line that is not HTTP and resends the request once by
        // itself; the client retries the closed connection as any other: up to two per attempt.
        Row row;
        row.fault = u"8: garbage status line"_s;
        row.arguments = apiUser;
        row.exitCode = 6;
        row.path = u"/users/octocat"_s;
        row.maxRequests = 6;
        row.maxSeconds = 15;
        row.says = u"Could not get an answer"_s; // Qt reports it as a closed connection
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(u"/users/octocat"_s, Fault::raw("HTTP/1.1 \x01\x02garbage\r\n\r\n{}"), -1);
        };
        rows << row;
    }

    // ---- 9: terminal escapes -----------------------------------------------------------------------
    {
        Row row;
        row.fault = u"9: ESC, BEL, U+202E and 1 MB in message"_s;
        row.arguments = {u"api"_s, u"/user"_s};
        row.exitCode = 6;
        row.path = u"/user"_s;
        row.says = u"\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(u"/user"_s, Fault::withStatus(422, "\x1b]0;pwned\x07\x1b[2J\xe2\x80\xae"
                                                                   "evil" +
                                                                       QByteArray(1 << 20, 'A')));
        };
        row.check = [](Stage &, const Outcome &outcome) {
            QVERIFY2(outcome.err.size() < 600, qPrintable(QString::number(outcome.err.size())));
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"9: ESC in x-ratelimit-resource"_s;
        row.arguments = apiUser;
        row.exitCode = 5;
        row.path = u"/users/octocat"_s;
        row.says = u"The \\x1b[31mred"_s; // the header's bytes, read as Latin-1 as HTTP has them
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(u"/users/octocat"_s, spentLimit(QDateTime::currentSecsSinceEpoch() + 600,
                                                                "\x1b[31mred\xe2\x80\xae"));
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"9: ESC, BEL, U+202E in /rate_limit keys"_s;
        row.arguments = {u"rate-limit"_s};
        row.exitCode = 0;
        row.path = u"/rate_limit"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(
                u"/rate_limit"_s,
                Fault::withBody(
                    R"({"resources":{"core":{"limit":5000,"used":1,"remaining":4999,"reset":1900000000},)"
                    R"("\u001b]0;title\u0007\u202eevil":{"limit":10,"used":0,"remaining":10,"reset":1900000000}},)"
                    R"("rate":{"limit":5000,"used":1,"remaining":4999,"reset":1900000000}})"));
        };
        row.check = [](Stage &, const Outcome &outcome) {
            const QString out = QString::fromUtf8(outcome.out);
            QVERIFY2(isTerminalSafe(out), outcome.out.constData());
            QVERIFY2(out.contains(u"\\x1b]0;title\\x07\\u202eevil"_s), outcome.out.constData());
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"9: echoed login with a newline"_s;
        row.arguments = {u"export"_s, u"repos"_s, u"octocat\n"_s};
        row.exitCode = 2;
        row.maxRequests = 0;
        row.says = u"'octocat\\n' is not a valid GitHub login"_s;
        rows << row;
    }

    // ---- 10: output targets -------------------------------------------------------------------------
    {
        Row row;
        row.fault = u"10: -o onto a FIFO"_s;
        row.arguments = exportOrgs + QStringList{u"-o"_s, u"FILE:pipe.csv"_s};
        row.path = Orgs;
        row.arrange = [](Stage &stage) {
            makeFifo(stage, u"pipe.csv"_s);
            stage.reader = std::make_unique<QProcess>();
            stage.reader->start(u"/bin/cat"_s, {stage.file(u"pipe.csv"_s)});
            QVERIFY(stage.reader->waitForStarted(10000));
        };
        row.check = [](Stage &stage, const Outcome &) {
            QVERIFY2(isFifo(stage.file(u"pipe.csv"_s)), "the FIFO was replaced by a regular file");
            QVERIFY(QTest::qWaitFor([&] { return stage.reader->state() == QProcess::NotRunning; }, 10000));
            QVERIFY(stage.reader->readAllStandardOutput().startsWith("login,id,description,url\r\n"));
        };
        rows << row;
    }
    for (const auto &[name, minor, exitCode] :
         QList<std::tuple<QString, unsigned, int>>{{u"null"_s, 3U, 0}, {u"full"_s, 7U, 1}}) {
        Row row;
        row.fault = u"10: -o onto a copy of /dev/%1"_s.arg(name);
        row.arguments = exportOrgs + QStringList{u"-o"_s, u"FILE:"_s + name};
        row.exitCode = exitCode;
        row.path = Orgs;
        row.says = exitCode == 0 ? QString() : qt_error_string(ENOSPC);
        row.needsDevices = true;
        row.arrange = [name = name, minor = minor](Stage &stage) {
            QVERIFY(makeDevice(stage.file(name), 1, minor));
        };
        row.check = [name = name](Stage &stage, const Outcome &) {
            QVERIFY2(isCharacterDevice(stage.file(name)), "the device was replaced by a regular file");
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"10: -o ''"_s;
        row.arguments = exportOrgs + QStringList{u"-o"_s, QString()};
        row.exitCode = 2;
        row.maxRequests = 0;
        row.says = u"-o takes a file name"_s;
        rows << row;
    }

    // ---- 11: a token with CR/LF -------------------------------------------------------------------
    {
        Row row;
        row.fault = u"11: token with CR/LF and a header"_s;
        row.arguments = {u"api"_s, u"/user"_s};
        row.exitCode = 4;
        row.maxRequests = 0;
        row.says = u"GH_ENTERPRISE_TOKEN"_s;
        row.token = Tokens::Octocat + "\r\nX-Injected: yes";
        row.check = [](Stage &, const Outcome &outcome) { QVERIFY(!outcome.err.contains(u"X-Injected"_s)); };
        rows << row;
    }

    // ---- 12: NUL bytes in list bodies ---------------------------------------------------------------
    {
        Row row;
        row.fault = u"12: raw NUL in a list body"_s;
        row.arguments = exportOrgs;
        row.exitCode = 6;
        row.path = Orgs;
        row.arrange = [](Stage &stage) {
            stage.fake.setMaxAge(0); // the measured run asks again, and so meets the fault
            const CliTest::Run warm = stage.run({u"export"_s, u"orgs"_s, u"octocat"_s});
            QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
            QFile good(stage.file(u"good.csv"_s));
            QVERIFY(good.open(QIODevice::WriteOnly) && good.write(warm.out) == warm.out.size());
            stage.fake.armFault(Orgs, Fault::withBody(QByteArray("[{\"login\":\"nul\0org\",\"id\":1}]", 28)),
                                -1);
        };
        row.check = [](Stage &stage, const Outcome &outcome) {
            QVERIFY(outcome.out.isEmpty());
            stage.fake.clearFaults();
            const CliTest::Run cached = stage.run({u"--offline"_s, u"export"_s, u"orgs"_s, u"octocat"_s});
            QFile good(stage.file(u"good.csv"_s));
            QVERIFY(good.open(QIODevice::ReadOnly));
            QCOMPARE(cached.out, good.readAll()); // the old entry was kept
        };
        rows << row;
    }
    {
        Row row;
        row.fault = u"12: \\u0000 in a JSON string"_s;
        row.arguments = QStringList{u"--no-cache"_s} + exportOrgs;
        row.path = Orgs;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(Orgs, Fault::withBody(R"([{"login":"nul\u0000org","id":1}])"));
        };
        row.check = [](Stage &, const Outcome &outcome) {
            QVERIFY(!outcome.out.contains('\0'));
            QVERIFY2(outcome.out.contains("\r\nnulorg,1,"), outcome.out.constData());
        };
        rows << row;
    }

    // ---- 13: /rate_limit without `used` -------------------------------------------------------------
    {
        Row row;
        row.fault = u"13: /rate_limit without used"_s;
        row.arguments = {u"rate-limit"_s};
        row.path = u"/rate_limit"_s;
        row.arrange = [](Stage &stage) {
            stage.fake.armFault(
                u"/rate_limit"_s,
                Fault::withBody(R"({"resources":{"core":{"limit":5000,"remaining":4990,"reset":1900000000}},)"
                                R"("rate":{"limit":5000,"remaining":4990,"reset":1900000000}})"));
        };
        row.check = [](Stage &, const Outcome &outcome) {
            QVERIFY2(outcome.out.contains(" 10/5000 "), outcome.out.constData()); // limit - remaining
            QVERIFY2(!outcome.out.contains("-1/"), outcome.out.constData());
        };
        rows << row;
    }

    // ---- 14: --limit beyond 32 and 64 bits ----------------------------------------------------------
    {
        Row row;
        row.fault = u"14: --limit 2147483648"_s;
        row.arguments = exportRepos + QStringList{u"--limit"_s, u"2147483648"_s};
        row.path = Repos;
        row.maxRequests = 50;
        row.maxSeconds = 20;
        row.check = [](Stage &, const Outcome &outcome) { QCOMPARE(outcome.out.count("\r\n"), 5001); };
        rows << row;
    }
    {
        Row row;
        row.fault = u"14: --limit 9223372036854775808"_s;
        row.arguments = exportRepos + QStringList{u"--limit"_s, u"9223372036854775808"_s};
        row.exitCode = 2;
        row.maxRequests = 0;
        row.says = u"--limit"_s;
        rows << row;
    }

    // ---- 16: bit rot in the cache --------------------------------------------------------------------
    {
        Row row;
        row.fault = u"16: a flipped byte in a cached body"_s;
        row.arguments = exportOrgs;
        row.path = Orgs;
        row.says = u"checksum"_s; // one warning: the one problem met
        row.stderrLines = 1;
        row.arrange = [](Stage &stage) {
            const CliTest::Run warm = stage.run({u"export"_s, u"orgs"_s, u"octocat"_s});
            QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
            QFile good(stage.file(u"good.csv"_s));
            QVERIFY(good.open(QIODevice::WriteOnly) && good.write(warm.out) == warm.out.size());
            const QString database = QString::fromUtf8(stage.run({u"cache"_s, u"path"_s}).out.trimmed());
            {
                // One bit of a letter flips (g -> G): the JSON stays valid, so only a checksum tells.
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rot"_s);
                db.setDatabaseName(database);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(u"SELECT rowid, body FROM responses"_s) && query.next());
                const qint64 rowid = query.value(0).toLongLong();
                QByteArray body = query.value(1).toByteArray();
                query.finish();
                const qsizetype at = body.indexOf("\"login\":\"") + 9;
                QVERIFY(at > 9);
                body[at] = char(body.at(at) ^ 0x20);
                QVERIFY(query.prepare(u"UPDATE responses SET body = ? WHERE rowid = ?"_s));
                query.addBindValue(body);
                query.addBindValue(rowid);
                QVERIFY(query.exec());
                db.close();
            }
            QSqlDatabase::removeDatabase(u"rot"_s);
        };
        row.check = [](Stage &stage, const Outcome &outcome) {
            QFile good(stage.file(u"good.csv"_s));
            QVERIFY(good.open(QIODevice::ReadOnly));
            QCOMPARE(outcome.out, good.readAll()); // fetched again, not the rotted body
        };
        rows << row;
    }
    return rows;
}

const QList<Row> &rows()
{
    static const QList<Row> all = makeRows();
    return all;
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void fault_data();
    void fault();

private:
    Outcome runRow(const Row &row, Stage &stage);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QProcess> m_reader;
    QStringList m_table;
    bool m_haveTime = false;
};

void TestHostile::initTestCase()
{
    m_haveTime = QFileInfo(TimeBinary).isExecutable();
    if (!m_haveTime) {
        qWarning("No %s (Debian's package time): peak memory is read from /proc while the run lasts.",
                 qPrintable(TimeBinary));
    }
}

void TestHostile::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestHostile::cleanup()
{
    if (m_reader && m_reader->state() != QProcess::NotRunning) {
        m_reader->kill();
        m_reader->waitForFinished(5000);
    }
    m_reader.reset();
    m_fake.reset();
    m_home.reset();
}

void TestHostile::cleanupTestCase()
{
    std::printf("\n%-58s | %4s | %11s | %11s | %11s\n", "fault", "exit", "requests", "seconds", "RSS MB");
    std::printf("%s\n", QByteArray(58 + 4 * (3 + 11) - 7, '-').constData());
    for (const QString &line : std::as_const(m_table)) {
        std::printf("%s\n", line.toUtf8().constData());
    }
    std::fflush(stdout);
}

Outcome TestHostile::runRow(const Row &row, Stage &stage)
{
    QStringList arguments;
    for (const QString &argument : row.arguments) {
        arguments << (argument.startsWith(u"FILE:"_s) ? stage.file(argument.mid(5)) : argument);
    }
    QProcessEnvironment environment = CliTest::environmentFor(*m_home, row.token);
    for (const QString &variable : row.environment) {
        environment.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    }
    const QString rssFile = m_home->filePath(u"rss"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    // Its own process group, so that a hang is ended with everything it started.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    QStringList command = CliTest::argumentsFor(m_fake->apiUrl(), arguments);
    if (m_haveTime) {
        command =
            QStringList{u"-f"_s, u"%M"_s, u"-o"_s, rssFile, QString::fromUtf8(HUBSHELF_BINARY)} + command;
    }

    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    process.start(m_haveTime ? TimeBinary : QString::fromUtf8(HUBSHELF_BINARY), command);
    process.closeWriteChannel();
    const qint64 deadline = qint64(row.maxSeconds) * Slack * 1000;
    // The fake lives in this thread: wait with the event loop running.
    QSignalSpy finished(&process, &QProcess::finished);
    double peakKb = -1;
    while (finished.isEmpty() && clock.elapsed() < deadline) {
        finished.wait(int(std::clamp<qint64>(deadline - clock.elapsed(), 1, 50)));
        if (!m_haveTime && finished.isEmpty()) {
            peakKb = std::max(peakKb, double(CliTest::peakRssKb(process.processId())));
        }
    }
    outcome.seconds = double(clock.elapsed()) / 1000;
    if (finished.isEmpty()) {
        outcome.killed = true;
        ::kill(-pid_t(process.processId()), SIGKILL);
        finished.wait(10000);
    }
    outcome.out = process.readAllStandardOutput();
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    outcome.exitCode = process.exitCode();
    outcome.killed = outcome.killed || process.exitStatus() != QProcess::NormalExit;
    if (m_haveTime) {
        QFile rss(rssFile);
        // GNU time writes "Command terminated by signal N" (or "exited with non-zero status") first.
        const QList<QByteArray> lines =
            rss.open(QIODevice::ReadOnly) ? rss.readAll().trimmed().split('\n') : QList<QByteArray>();
        outcome.killed = outcome.killed || (!lines.isEmpty() && lines.constFirst().contains("signal"));
        bool ok = false;
        const double kb = lines.isEmpty() ? -1 : lines.constLast().toDouble(&ok);
        peakKb = ok ? kb : -1;
        if (outcome.exitCode >= 128 && outcome.killed) { // time reports a signal as 128 + N
            outcome.exitCode = -1;
        }
    }
    outcome.rssMb = peakKb < 0 ? -1 : peakKb / 1024;
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        outcome.requests += row.path.isEmpty() || request.path == row.path ? 1 : 0;
    }
    return outcome;
}

void TestHostile::fault_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < rows().size(); ++i) {
        QTest::newRow(qPrintable(rows().at(i).fault)) << int(i);
    }
}

void TestHostile::fault()
{
    QFETCH(int, index);
    const Row &row = rows().at(index);
    Stage stage{*m_fake, *m_home, m_reader};
    if (row.needsDevices) {
        const QString probe = m_home->filePath(u"probe"_s);
        if (!makeDevice(probe, 1, 3)) {
            QSKIP(qPrintable(u"mknod is not permitted here (%1)"_s.arg(qt_error_string(errno))));
        }
        QFile::remove(probe);
    }
    if (row.arrange) {
        row.arrange(stage);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    m_fake->clearRequestLog(); // what the arrangement itself asked is not the row's

    const Outcome outcome = runRow(row, stage);
    const auto bounded = [](const QString &measured, int bound) {
        return QString(measured + u" / "_s + QString::number(bound)).rightJustified(11);
    };
    m_table << row.fault.leftJustified(58, u' ', true) + u" | "_s +
                   (outcome.killed ? u"kill"_s : QString::number(outcome.exitCode)).rightJustified(4) +
                   u" | "_s + bounded(QString::number(outcome.requests), row.maxRequests) + u" | "_s +
                   bounded(QString::number(outcome.seconds, 'f', 1), row.maxSeconds * Slack) + u" | "_s +
                   bounded(outcome.rssMb < 0 ? u"?"_s : QString::number(outcome.rssMb, 'f', 0),
                           row.maxRssMb * Slack);
    const QByteArray context = u"exit %1, %2 requests, %3 s, stderr: %4"_s.arg(outcome.exitCode)
                                   .arg(outcome.requests)
                                   .arg(outcome.seconds, 0, 'f', 1)
                                   .arg(outcome.err.left(400))
                                   .toUtf8();

    QVERIFY2(!outcome.killed, context.constData()); // a hang past the bound, or a crash
    QVERIFY2(outcome.exitCode == row.exitCode, context.constData());
    QVERIFY2(outcome.requests <= row.maxRequests, context.constData());
    if (outcome.rssMb >= 0) {
        QVERIFY2(outcome.rssMb <= row.maxRssMb * Slack, qPrintable(u"%1 MB"_s.arg(outcome.rssMb)));
    }

    // Every run: the token stays out of every output and off every other origin, and stderr
    // cannot steer a terminal.
    const QString token = QString::fromLatin1(Tokens::Octocat);
    QVERIFY(!outcome.out.contains(Tokens::Octocat));
    QVERIFY(!outcome.err.contains(token));
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        QVERIFY2(request.origin == FakeGitHub::Origin::Api || !request.authorized,
                 request.target.constData());
    }
    QVERIFY2(isTerminalSafe(outcome.err), context.constData());

    // One line per failure, and nothing on a quiet success.
    const int lines = row.stderrLines >= 0 ? row.stderrLines : (row.exitCode == 0 ? 0 : 1);
    QVERIFY2(outcome.err.count(u'\n') == lines && (lines == 0 || outcome.err.endsWith(u'\n')),
             context.constData());
    if (lines > 0 && row.exitCode != 0) {
        QVERIFY2(outcome.err.startsWith(u"hubshelf: "_s), context.constData());
    }
    if (!row.says.isEmpty()) {
        QVERIFY2(outcome.err.contains(row.says), context.constData());
    }
    if (row.exitCode != 0) {
        QVERIFY2(outcome.out.isEmpty(), outcome.out.left(200).constData());
    }
    if (row.check) {
        row.check(stage, outcome);
    }
}

QTEST_GUILESS_MAIN(TestHostile)
#include "test_hostile.moc"
