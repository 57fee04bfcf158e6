#include "insights/ownerinsights.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/names.h"
#include "github/pagestream.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Hubshelf::Insights {

namespace {

QJsonDocument jsonOf(const GitHub::Response &response)
{
    if (!response.json.isNull()) {
        return response.json;
    }
    return GitHub::parseJsonBody(response.body).value_or(QJsonDocument());
}

// A count from a repository object; GitHub's are small non-negative integers.
qint64 countOf(const QJsonObject &repository, const QString &field)
{
    const double value = repository.value(field).toDouble();
    return value >= 0 && value < 1e12 ? qint64(value) : 0;
}

} // namespace

int OwnerInsights::defaultFirstRetryMs()
{
    bool ok = false;
    const int milliseconds = qEnvironmentVariableIntValue("HUBSHELF_STATISTICS_RETRY_MS", &ok);
    return ok && milliseconds >= 1 && milliseconds <= 60000 ? milliseconds : 1000;
}

OwnerInsights::OwnerInsights(GitHub::Client *client, const QString &owner, const Options &options,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
{
    m_result.owner = owner;
}

OwnerInsights::~OwnerInsights()
{
    m_running = false;
    GitHub::Request::abandon(m_requests);
}

void OwnerInsights::start()
{
    m_running = true;
    // GitHub lists an organization's repositories under /orgs, a user's under /users.
    GitHub::Request *request = ask(GitHub::Endpoints::user(m_result.owner));
    connect(request, &GitHub::Request::failed, this, &OwnerInsights::fail);
    connect(request, &GitHub::Request::succeeded, this, [this](const GitHub::Response &response) {
        listRepositories(jsonOf(response).object().value(u"type"_s).toString() == u"Organization"_s);
    });
}

void OwnerInsights::cancel()
{
    if (m_running) {
        fail(GitHub::Error::of(GitHub::Error::Kind::Cancelled,
                               m_client ? m_client->endpoint(GitHub::Endpoints::user(m_result.owner))
                                        : QUrl()));
    }
}

void OwnerInsights::listRepositories(bool organization)
{
    if (!m_running || !m_client) {
        return;
    }
    m_stream = new GitHub::PageStream(m_client,
                                      m_client->endpoint(GitHub::Endpoints::ownerList(
                                          m_result.owner, organization, GitHub::OwnerList::Repositories)),
                                      this);
    m_stream->setRequestOptions(m_options.request);
    connect(m_stream, &GitHub::PageStream::pageArrived, this,
            [this](int, const QJsonArray &items) { takeRepositories(items); });
    connect(m_stream, &GitHub::PageStream::progress, this, &OwnerInsights::listing);
    connect(m_stream, &GitHub::PageStream::failed, this, &OwnerInsights::fail);
    connect(m_stream, &GitHub::PageStream::finished, this, [this] {
        m_listed = true;
        m_stream->deleteLater();
        finishIfDone();
    });
    m_stream->start();
}

void OwnerInsights::takeRepositories(const QJsonArray &items)
{
    for (const QJsonValue &item : items) {
        const QJsonObject repository = item.toObject();
        if (repository.value(u"fork"_s).toBool() && !m_options.includeForks) {
            continue;
        }
        const QString owner = repository.value(u"owner"_s).toObject().value(u"login"_s).toString();
        const QString name = repository.value(u"name"_s).toString();
        if (!GitHub::isValidLogin(owner) || !GitHub::isValidRepositoryName(name)) {
            m_result.unreadable.append(repository.value(u"full_name"_s).toString().left(200));
            Q_EMIT warning(tr("A repository without a valid owner and name is left out."));
            continue;
        }
        ++m_result.repositories;
        m_result.stars += countOf(repository, u"stargazers_count"_s);
        m_result.forks += countOf(repository, u"forks_count"_s);
        m_repositories.append({owner, name});
        const int index = int(m_repositories.size()) - 1;
        askStatistics(index);
        askLanguages(index);
    }
    Q_EMIT computing(m_done, int(m_repositories.size()));
}

GitHub::Request *OwnerInsights::ask(const QString &encodedPath)
{
    if (m_requests.size() > 64) {
        m_requests.removeIf([](const QPointer<GitHub::Request> &request) { return request.isNull(); });
    }
    GitHub::Request *request = m_client->get(m_client->endpoint(encodedPath), m_options.request);
    m_requests.append(request);
    return request;
}

void OwnerInsights::askStatistics(int index)
{
    if (!m_running || !m_client) {
        return;
    }
    const Repository &repository = m_repositories.at(index);
    GitHub::Request *request =
        ask(GitHub::Endpoints::contributorStatistics(repository.owner, repository.name));
    connect(request, &GitHub::Request::succeeded, this,
            [this, index](const GitHub::Response &response) { onStatistics(index, response); });
    connect(request, &GitHub::Request::failed, this,
            [this, index](const GitHub::Error &error) { onRepositoryFailure(index, error); });
}

void OwnerInsights::askLanguages(int index)
{
    const Repository &repository = m_repositories.at(index);
    GitHub::Request *request = ask(GitHub::Endpoints::languages(repository.owner, repository.name));
    connect(request, &GitHub::Request::succeeded, this,
            [this, index](const GitHub::Response &response) { onLanguages(index, response); });
    connect(request, &GitHub::Request::failed, this,
            [this, index](const GitHub::Error &error) { onRepositoryFailure(index, error); });
}

void OwnerInsights::onStatistics(int index, const GitHub::Response &response)
{
    Repository &repository = m_repositories[index];
    if (response.status == 202) {
        if (++repository.tries < m_options.maxTries) {
            const int delay = m_options.firstRetryMs << std::min(repository.tries - 1, 10);
            QTimer::singleShot(delay, this, [this, index] { askStatistics(index); });
            return;
        }
        leaveOut(index, m_result.stillComputing,
                 tr("GitHub was still computing the statistics of %1 after %n tries: it is left out.",
                    nullptr, repository.tries)
                     .arg(repository.fullName()));
    } else if (response.status != 204) {
        const QJsonDocument json = jsonOf(response);
        if (!json.isArray() || !m_result.contributors.add(json.array())) {
            leaveOut(index, m_result.unreadable,
                     tr("The statistics of %1 are not GitHub's contributor statistics: it is left out.")
                         .arg(repository.fullName()));
        }
    }
    answered(index);
}

void OwnerInsights::onLanguages(int index, const GitHub::Response &response)
{
    const QJsonDocument json = jsonOf(response);
    if (response.status != 204 && (!json.isObject() || !m_result.languages.add(json.object()))) {
        leaveOut(index, m_result.unreadable,
                 tr("The languages of %1 are not a list of languages: it is left out.")
                     .arg(m_repositories.at(index).fullName()));
    }
    answered(index);
}

void OwnerInsights::onRepositoryFailure(int index, const GitHub::Error &error)
{
    switch (error.kind) {
    case GitHub::Error::Kind::NotFound:
    case GitHub::Error::Kind::Forbidden:
    case GitHub::Error::Kind::ClientError:
    case GitHub::Error::Kind::BadResponse:
    case GitHub::Error::Kind::Server:
    case GitHub::Error::Kind::Offline:
        leaveOut(index, m_result.unreadable,
                 tr("%1 is left out: %2").arg(m_repositories.at(index).fullName(), error.message()));
        answered(index);
        return;
    default:
        fail(error);
        return;
    }
}

void OwnerInsights::leaveOut(int index, QStringList &list, const QString &why)
{
    const QString name = m_repositories.at(index).fullName();
    if (!m_result.stillComputing.contains(name) && !m_result.unreadable.contains(name)) {
        list.append(name);
        Q_EMIT warning(why);
    }
}

void OwnerInsights::answered(int index)
{
    if (!m_running || --m_repositories[index].unanswered > 0) {
        return;
    }
    ++m_done;
    Q_EMIT computing(m_done, int(m_repositories.size()));
    finishIfDone();
}

void OwnerInsights::finishIfDone()
{
    if (m_running && m_listed && m_done == m_repositories.size()) {
        m_running = false;
        Q_EMIT finished();
    }
}

void OwnerInsights::fail(const GitHub::Error &error)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    GitHub::Request::abandon(m_requests);
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
        m_stream->deleteLater();
    }
    Q_EMIT failed(error);
}

} // namespace Hubshelf::Insights
