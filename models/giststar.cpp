#include "models/giststar.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/pagestream.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

GistStar::GistStar(GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

GistStar::~GistStar()
{
    stop();
}

void GistStar::stop()
{
    if (m_starredList) {
        m_starredList->disconnect(this);
        m_starredList->cancel();
        m_starredList->deleteLater();
    }
    if (m_request) {
        m_request->abandon();
    }
}

void GistStar::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void GistStar::setGist(const QString &gistId)
{
    stop();
    m_gistId = gistId;
    if (!m_client->hasToken()) {
        setState(State::Anonymous);
        return;
    }
    setState(State::Unknown);
    if (gistId.isEmpty()) {
        return;
    }
    auto *stream =
        new GitHub::PageStream(m_client, m_client->endpoint(GitHub::Endpoints::starredGists()), this);
    m_starredList = stream;
    GitHub::RequestOptions options;
    options.origin = tr("Star");
    stream->setRequestOptions(options);
    stream->setItemLimit(StarredListLimit);
    connect(stream, &GitHub::PageStream::pageArrived, this, [this, stream](int, const QJsonArray &items) {
        for (const QJsonValue &item : items) {
            if (item.toObject().value(u"id"_s).toString() == m_gistId) {
                stream->disconnect(this);
                stream->cancel();
                stream->deleteLater();
                setState(State::Starred);
                return;
            }
        }
    });
    connect(stream, &GitHub::PageStream::finished, this, [this, stream] {
        stream->deleteLater();
        // A person with more starred gists than were read: the gist itself says.
        const bool wholeList = stream->pageCount() == 0 || stream->pagesDone() >= stream->pageCount();
        if (wholeList) {
            setState(State::NotStarred);
        } else {
            askTheGist();
        }
    });
    connect(stream, &GitHub::PageStream::failed, this, [this, stream](const GitHub::Error &error) {
        stream->deleteLater();
        if (error.kind != GitHub::Error::Kind::Cancelled) {
            Q_EMIT failed(tr("Whether this gist is starred is not known: %1").arg(error.message()));
        }
    });
    stream->start();
}

void GistStar::askTheGist()
{
    GitHub::RequestOptions options;
    options.origin = tr("Star");
    options.useCache = false; // a 204 or a 404: nothing GitHub lets a cache keep
    GitHub::Request *request =
        m_client->get(m_client->endpoint(GitHub::Endpoints::gistStar(m_gistId)), options);
    m_request = request;
    connect(request, &GitHub::Request::succeeded, this, [this] { setState(State::Starred); });
    connect(request, &GitHub::Request::failed, this, [this](const GitHub::Error &error) {
        if (error.kind == GitHub::Error::Kind::NotFound) { // GitHub's way of saying "not starred"
            setState(State::NotStarred);
        } else if (error.kind != GitHub::Error::Kind::Cancelled) {
            Q_EMIT failed(tr("Whether this gist is starred is not known: %1").arg(error.message()));
        }
    });
}

void GistStar::toggle()
{
    if (m_state != State::Starred && m_state != State::NotStarred) {
        return;
    }
    const bool star = m_state == State::NotStarred;
    const State before = m_state;
    setState(State::Changing);
    GitHub::RequestOptions options;
    options.origin = tr("Star");
    options.waitForRateLimit = false; // a click answers now, not at the reset
    GitHub::Request *request =
        m_client->write(star ? "PUT" : "DELETE", m_client->endpoint(GitHub::Endpoints::gistStar(m_gistId)),
                        {GitHub::Endpoints::starredGists()}, options);
    m_request = request;
    connect(request, &GitHub::Request::succeeded, this,
            [this, star] { setState(star ? State::Starred : State::NotStarred); });
    connect(request, &GitHub::Request::failed, this, [this, before, star](const GitHub::Error &error) {
        setState(before);
        if (error.kind != GitHub::Error::Kind::Cancelled) {
            Q_EMIT failed(star ? tr("The gist was not starred: %1").arg(error.message())
                               : tr("The gist was not unstarred: %1").arg(error.message()));
        }
    });
}

} // namespace Hubshelf::Models
