#include "auth/tokenvalidator.h"

#include "auth/viewerlookup.h"
#include "github/client.h"
#include "github/error.h"

namespace Hubshelf::Auth {

TokenValidator::TokenValidator(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(network);
}

TokenValidator::~TokenValidator()
{
    stop();
}

void TokenValidator::validate(const QUrl &apiUrl, const QString &token)
{
    stop();
    m_client = new GitHub::Client(m_network, nullptr, apiUrl, this);
    m_client->setToken(token.toUtf8());
    m_client->setTransferTimeout(m_timeout);
    m_client->setRetryBaseDelay(m_retryBaseDelay);
    GitHub::RequestOptions options;
    options.useCache = false;
    options.waitForRateLimit = false; // a spent limit is said at once, not waited out behind a spinner
    m_request = lookUpViewer(
        *m_client, options, this,
        [this, apiUrl](const QString &login) {
            m_request = nullptr; // it ends by itself
            stop();
            Q_EMIT validated(apiUrl, login);
        },
        [this, apiUrl](const GitHub::Error &error) {
            m_request = nullptr;
            stop();
            Q_EMIT failed(apiUrl, error);
        });
}

void TokenValidator::cancel()
{
    stop();
}

void TokenValidator::stop()
{
    if (m_request) {
        m_request->abandon();
        m_request = nullptr;
    }
    if (m_client) {
        // deleteLater: this may run inside one of the client's own signals.
        m_client->deleteLater();
        m_client = nullptr;
    }
}

} // namespace Hubshelf::Auth
