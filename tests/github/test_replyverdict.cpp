// GitHub::ReplyVerdict: what a finished reply means for its request, from what Qt reports about it
// and how often the request was tried. No sockets: the facts are written out.

#include "github/replyverdict.h"

#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf::GitHub;
using Action = ReplyVerdict::Action;

Q_DECLARE_METATYPE(Hubshelf::GitHub::ReplyVerdict::Action)
Q_DECLARE_METATYPE(Hubshelf::GitHub::Error::Kind)

class TestReplyVerdict final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void of_data();
    void of();
    void of_aFailureSaysWhy();
    void ofRedirect_data();
    void ofRedirect();
    void retryDelay_doublesWithJitter();
};

void TestReplyVerdict::of_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("hasHeaders");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("pastDeadline");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<Action>("action");
    QTest::addColumn<Error::Kind>("kind");

    const int none = QNetworkReply::NoError;
    using K = Error::Kind;
    QTest::newRow("200") << 200 << true << none << false << 1 << Action::Deliver << K::Network;
    QTest::newRow("204") << 204 << true << none << false << 1 << Action::Deliver << K::Network;
    QTest::newRow("304") << 304 << true << none << false << 1 << Action::Revalidated << K::Network;
    for (int status : {301, 302, 303, 307, 308}) {
        QTest::addRow("%d", status) << status << true << none << false << 1 << Action::Redirect << K::Network;
    }
    QTest::newRow("403") << 403 << true << int(QNetworkReply::ContentAccessDenied) << false << 1
                         << Action::LimitCheck << K::Network;
    QTest::newRow("429") << 429 << true << int(QNetworkReply::UnknownContentError) << false << 1
                         << Action::LimitCheck << K::Network;
    QTest::newRow("404") << 404 << true << int(QNetworkReply::ContentNotFoundError) << false << 1
                         << Action::FailStatus << K::NotFound;
    QTest::newRow("422") << 422 << true << int(QNetworkReply::UnknownContentError) << false << 1
                         << Action::FailStatus << K::ClientError;
    for (int status : {500, 502, 503, 504}) {
        QTest::addRow("%d, first try", status) << status << true << int(QNetworkReply::InternalServerError)
                                               << false << 1 << Action::Retry << K::Server;
        QTest::addRow("%d, last try", status)
            << status << true << int(QNetworkReply::InternalServerError) << false << ReplyVerdict::MaxAttempts
            << Action::FailStatus << K::Server;
    }
    QTest::newRow("501: not worth another try")
        << 501 << true << int(QNetworkReply::OperationNotImplementedError) << false << 1 << Action::FailStatus
        << K::Server;
    QTest::newRow("connection refused") << 0 << false << int(QNetworkReply::ConnectionRefusedError) << false
                                        << 1 << Action::Retry << K::Network;
    QTest::newRow("connection refused, last try")
        << 0 << false << int(QNetworkReply::ConnectionRefusedError) << false << ReplyVerdict::MaxAttempts
        << Action::Fail << K::Network;
    QTest::newRow("cut short after the status") << 200 << true << int(QNetworkReply::RemoteHostClosedError)
                                                << false << 1 << Action::Retry << K::Network;
    QTest::newRow("unknown host: no retry")
        << 0 << false << int(QNetworkReply::HostNotFoundError) << false << 1 << Action::Fail << K::Network;
    QTest::newRow("TLS: no retry") << 0 << false << int(QNetworkReply::SslHandshakeFailedError) << false << 1
                                   << Action::Fail << K::Network;
    QTest::newRow("protocol failure: no retry")
        << 200 << true << int(QNetworkReply::ProtocolFailure) << false << 1 << Action::Fail << K::Network;
    QTest::newRow("status line, headers refused")
        << 200 << false << int(QNetworkReply::TimeoutError) << false << 1 << Action::Fail << K::Network;
    // As abortOnRefusedHeaders() leaves the reply: cancelled, which is otherwise worth a retry.
    QTest::newRow("status line, headers refused, aborted at once")
        << 200 << false << int(QNetworkReply::OperationCanceledError) << false << 1 << Action::Fail
        << K::Network;
    QTest::newRow("404 line, headers refused, aborted at once")
        << 404 << false << int(QNetworkReply::OperationCanceledError) << false << 1 << Action::Fail
        << K::Network;
    QTest::newRow("cancelled before the status line: retried")
        << 0 << false << int(QNetworkReply::OperationCanceledError) << false << 1 << Action::Retry
        << K::Network;
    QTest::newRow("past the deadline") << 200 << true << int(QNetworkReply::OperationCanceledError) << true
                                       << 1 << Action::Retry << K::Network;
    QTest::newRow("past the deadline, last try")
        << 200 << true << int(QNetworkReply::OperationCanceledError) << true << ReplyVerdict::MaxAttempts
        << Action::Fail << K::Network;
}

void TestReplyVerdict::of()
{
    QFETCH(int, status);
    QFETCH(bool, hasHeaders);
    QFETCH(int, networkError);
    QFETCH(bool, pastDeadline);
    QFETCH(int, attempts);
    QFETCH(Action, action);
    QFETCH(Error::Kind, kind);

    ReplyFacts facts;
    facts.status = status;
    facts.hasHeaders = hasHeaders;
    facts.networkError = networkError;
    facts.errorString = u"Qt's words"_s;
    facts.pastDeadline = pastDeadline;
    facts.attempts = attempts;
    const ReplyVerdict verdict = ReplyVerdict::of(facts, 120 * 1000);
    QCOMPARE(verdict.action, action);
    if (action == Action::Fail || action == Action::FailStatus || action == Action::Retry) {
        QCOMPARE(verdict.kind, kind);
    }
}

void TestReplyVerdict::of_aFailureSaysWhy()
{
    ReplyFacts deadline;
    deadline.status = 200;
    deadline.hasHeaders = true;
    deadline.pastDeadline = true;
    deadline.attempts = ReplyVerdict::MaxAttempts;
    // No translator here: the plural stays Qt's "second(s)".
    QVERIFY(ReplyVerdict::of(deadline, 90 * 1000)
                .detail.startsWith(u"the transfer took longer than 90 second"_s));

    for (const int error : {QNetworkReply::TimeoutError, QNetworkReply::OperationCanceledError}) {
        ReplyFacts headers;
        headers.status = 200;
        headers.networkError = error;
        QCOMPARE(ReplyVerdict::of(headers, 1000).detail,
                 u"the server's answer had malformed or oversized headers"_s);
    }

    ReplyFacts refused;
    refused.networkError = QNetworkReply::HostNotFoundError;
    refused.errorString = u"Host example.invalid not found"_s;
    QCOMPARE(ReplyVerdict::of(refused, 1000).detail, refused.errorString);
}

void TestReplyVerdict::ofRedirect_data()
{
    QTest::addColumn<QUrl>("target");
    QTest::addColumn<int>("redirects");
    QTest::addColumn<Action>("action");
    QTest::addColumn<Error::Kind>("kind");
    using K = Error::Kind;
    QTest::newRow("https") << QUrl(u"https://api.github.com/repositories/1"_s) << 1 << Action::Redirect
                           << K::Network;
    QTest::newRow("the last allowed")
        << QUrl(u"http://127.0.0.1:8080/x"_s) << ReplyVerdict::MaxRedirects << Action::Redirect << K::Network;
    QTest::newRow("one too many") << QUrl(u"https://api.github.com/x"_s) << ReplyVerdict::MaxRedirects + 1
                                  << Action::Fail << K::Network;
    QTest::newRow("no Location") << QUrl() << 1 << Action::Fail << K::Network;
    QTest::newRow("file:") << QUrl(u"file:///etc/passwd"_s) << 1 << Action::Fail << K::BadResponse;
    QTest::newRow("data:") << QUrl(u"data:text/plain,x"_s) << 1 << Action::Fail << K::BadResponse;
}

void TestReplyVerdict::ofRedirect()
{
    QFETCH(QUrl, target);
    QFETCH(int, redirects);
    QFETCH(Action, action);
    QFETCH(Error::Kind, kind);
    const ReplyVerdict verdict = ReplyVerdict::ofRedirect(target, redirects);
    QCOMPARE(verdict.action, action);
    if (action == Action::Fail) {
        QCOMPARE(verdict.kind, kind);
        QVERIFY(!verdict.detail.isEmpty());
    }
}

void TestReplyVerdict::retryDelay_doublesWithJitter()
{
    for (int attempts = 1; attempts <= 3; ++attempts) {
        const int base = 100 * (1 << (attempts - 1));
        for (int i = 0; i < 200; ++i) {
            const int delay = retryDelay(100, attempts);
            QVERIFY2(delay >= base / 2 && delay <= base + base / 2, qPrintable(QString::number(delay)));
        }
    }
    QVERIFY(retryDelay(0, 1) >= 0); // a zero base from a test still waits a moment, never negative
}

QTEST_GUILESS_MAIN(TestReplyVerdict)
#include "test_replyverdict.moc"
