#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Hubshelf::GitHub {
class Client;
class Request;
struct Error;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Auth {

// Checks a token before anything keeps it: GET /user with it through a client of its own (no
// cache), so the account's client keeps its token until this one is proven and nothing of a
// token that may be wrong goes into the shared cache. One check at a time; a new one, cancel() or
// the validator's end stops the one under way and its signals. The token never appears in a
// message or a log.
class TokenValidator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenValidator)

public:
    // Long enough for a slow Enterprise server, short enough that a dead one is noticed while waiting.
    static constexpr int DefaultTimeoutMs = 20 * 1000;

    // `network` is not owned and must outlive the validator.
    explicit TokenValidator(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenValidator() override;

    void validate(const QUrl &apiUrl, const QString &token);
    void cancel();
    bool isValidating() const { return m_client != nullptr; }

    void setTransferTimeout(int milliseconds) { m_timeout = milliseconds; }
    // A small first retry delay makes an unreachable host fail fast (tests).
    void setRetryBaseDelay(int milliseconds) { m_retryBaseDelay = milliseconds; }

Q_SIGNALS:
    // GitHub accepted the token; `login` is empty when its answer named no account (not an API?).
    void validated(const QUrl &apiUrl, const QString &login);
    void failed(const QUrl &apiUrl, const Hubshelf::GitHub::Error &error);

private:
    void stop();

    QNetworkAccessManager *m_network = nullptr;
    GitHub::Client *m_client = nullptr;
    QPointer<GitHub::Request> m_request;
    int m_timeout = DefaultTimeoutMs;
    int m_retryBaseDelay = 1000;
};

} // namespace Hubshelf::Auth
