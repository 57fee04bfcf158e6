// Token validation against the fake GitHub over loopback: GET /user through a client of its own.

#include "auth/tokenvalidator.h"
#include "auth/viewerlookup.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/error.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Hubshelf::Auth::TokenValidator;
using Hubshelf::GitHub::Client;
using Hubshelf::GitHub::Error;

namespace {

constexpr int NetworkTimeoutMs = 15'000;

struct Outcome
{
    QList<QPair<QUrl, QString>> validated;
    QList<Error> failed;
};

void watch(TokenValidator &validator, Outcome &outcome)
{
    QObject::connect(&validator, &TokenValidator::validated, &validator,
                     [&outcome](const QUrl &api, const QString &login) {
                         outcome.validated.append({api, login});
                     });
    QObject::connect(&validator, &TokenValidator::failed, &validator,
                     [&outcome](const QUrl &, const Error &error) { outcome.failed.append(error); });
}

} // namespace

class TestTokenValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void goodToken_namesItsOwner();
    void rejectedToken_isUnauthorized();
    void cancel_silencesTheCheck();
    void viewerLookup_usesTheClientsToken();

private:
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestTokenValidator::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTokenValidator::cleanup()
{
    m_network.reset();
    m_fake.reset();
}

void TestTokenValidator::goodToken_namesItsOwner()
{
    TokenValidator validator(m_network.get());
    Outcome outcome;
    watch(validator, outcome);
    validator.validate(m_fake->apiUrl(), QString::fromLatin1(FakeGitHub::Tokens::Monalisa));
    QVERIFY(validator.isValidating());
    QTRY_COMPARE_WITH_TIMEOUT(outcome.validated.size(), 1, NetworkTimeoutMs);
    QCOMPARE(outcome.validated.first().first, m_fake->apiUrl());
    QCOMPARE(outcome.validated.first().second, u"monalisa"_s);
    QVERIFY(outcome.failed.isEmpty());
    QVERIFY(!validator.isValidating());
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().path, u"/user"_s);
    QVERIFY(log.first().authorized);
    // Its temporary client goes away with the answer.
    QTRY_VERIFY(validator.findChildren<Client *>().isEmpty());
}

void TestTokenValidator::rejectedToken_isUnauthorized()
{
    TokenValidator validator(m_network.get());
    Outcome outcome;
    watch(validator, outcome);
    validator.validate(m_fake->apiUrl(), u"ghp_notAValidTokenForTheFake0000000000000"_s);
    QTRY_COMPARE_WITH_TIMEOUT(outcome.failed.size(), 1, NetworkTimeoutMs);
    QCOMPARE(outcome.failed.first().kind, Error::Kind::Unauthorized);
    QVERIFY(outcome.validated.isEmpty());
    QVERIFY(!outcome.failed.first().message().contains(u"ghp_notAValid"_s));
}

void TestTokenValidator::cancel_silencesTheCheck()
{
    m_fake->setLatency(500);
    TokenValidator validator(m_network.get());
    Outcome outcome;
    watch(validator, outcome);
    validator.validate(m_fake->apiUrl(), QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->inFlight(), 1, NetworkTimeoutMs);
    validator.cancel();
    QVERIFY(!validator.isValidating());
    QTRY_VERIFY(validator.findChildren<Client *>().isEmpty()); // nobody left to hear the answer
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->inFlight(), 0, NetworkTimeoutMs);
    QVERIFY(outcome.validated.isEmpty());
    QVERIFY(outcome.failed.isEmpty());
}

void TestTokenValidator::viewerLookup_usesTheClientsToken()
{
    Client client(m_network.get(), nullptr, m_fake->apiUrl());
    client.setToken(FakeGitHub::Tokens::Octocat);
    QString login;
    bool failed = false;
    Hubshelf::Auth::lookUpViewer(
        client, {}, this, [&login](const QString &who) { login = who; },
        [&failed](const Error &) { failed = true; });
    QTRY_COMPARE_WITH_TIMEOUT(login, u"octocat"_s, NetworkTimeoutMs);
    QVERIFY(!failed);
}

QTEST_GUILESS_MAIN(TestTokenValidator)
#include "test_tokenvalidator.moc"
