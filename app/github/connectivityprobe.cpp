#include "github/connectivityprobe.h"

#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::GitHub {

ConnectivityProbe::ConnectivityProbe(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectivityProbe::probe);
    // Only a hint: a backend may be missing (a container) or wrong (a VPN); the timer stays.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online) {
                        systemOnline();
                    }
                });
    }
}

ConnectivityProbe::~ConnectivityProbe()
{
    stop();
}

void ConnectivityProbe::start(const QUrl &apiBase)
{
    stop();
    QUrl url = apiBase;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/rate_limit"_s);
    url.setQuery(QString());
    m_url = url;
    m_running = true;
    m_delayMs = m_firstDelayMs;
    m_timer.start(m_delayMs);
}

void ConnectivityProbe::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ConnectivityProbe::probe()
{
    if (!m_running || m_reply) {
        return;
    }
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(AnswerTimeoutMs);
    request.setRawHeader("Accept", "application/vnd.github+json");
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { answered(reply); });
}

void ConnectivityProbe::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply) {
        return;
    }
    m_reply = nullptr;
    if (!m_running) {
        return;
    }
    // Any status line is GitHub (or its proxy) answering; no status is the network failing.
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
        m_running = false;
        Q_EMIT reachable();
        return;
    }
    m_delayMs = std::min(m_delayMs * 2, MaxDelayMs);
    m_timer.start(m_delayMs);
}

void ConnectivityProbe::systemOnline()
{
    if (m_running && !m_reply) {
        m_timer.start(0);
    }
}

} // namespace Hubshelf::GitHub
