#include "models/giststar.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/names.h"
#include "github/pagestream.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

namespace {

GitHub::RequestOptions readOptions()
{
    GitHub::RequestOptions options;
    options.origin = GistStar::tr("Star");
    options.waitForRateLimit = false; // a spent limit says so now instead of waiting silently
    return options;
}

} // namespace

GistStar::GistStar(GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

GistStar::~GistStar()
{
    stopReading();
}

void GistStar::stopReading()
{
    if (m_starredList) {
        m_starredList->disconnect(this);
        m_starredList->cancel();
        m_starredList->deleteLater();
    }
    if (m_read) {
        m_read->abandon();
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
    const bool known =
        m_state == State::Starred || m_state == State::NotStarred || m_state == State::Changing;
    if (gistId == m_gistId && known && m_client->hasToken()) {
        return;
    }
    stopReading();
    if (m_write) {
        m_write->disconnect(this);
    }
    m_gistId = GitHub::isValidGistId(gistId) ? gistId : QString();
    if (!m_client->hasToken()) {
        setState(State::Anonymous);
        return;
    }
    setState(State::Unknown);
    if (!m_gistId.isEmpty()) {
        readStarredList();
    }
}

void GistStar::readStarredList()
{
    auto *stream =
        new GitHub::PageStream(m_client, m_client->endpoint(GitHub::Endpoints::starredGists()), this);
    m_starredList = stream;
    stream->setRequestOptions(readOptions());
    stream->setItemLimit(m_starredListLimit);
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
        // Read to the limit without finding it: the list may go on, and the gist itself says.
        if (stream->itemsDelivered() >= m_starredListLimit) {
            askTheGist();
        } else {
            setState(State::NotStarred);
        }
    });
    connect(stream, &GitHub::PageStream::failed, this, [this, stream](const GitHub::Error &error) {
        stream->deleteLater();
        readFailed(error);
    });
    stream->start();
}

void GistStar::askTheGist()
{
    GitHub::RequestOptions options = readOptions();
    options.useCache = false; // a 204 or a 404: nothing GitHub lets a cache keep
    GitHub::Request *request =
        m_client->get(m_client->endpoint(GitHub::Endpoints::gistStar(m_gistId)), options);
    m_read = request;
    connect(request, &GitHub::Request::succeeded, this, [this] { setState(State::Starred); });
    connect(request, &GitHub::Request::failed, this, [this](const GitHub::Error &error) {
        if (error.kind == GitHub::Error::Kind::NotFound) { // GitHub's way of saying "not starred"
            setState(State::NotStarred);
        } else {
            readFailed(error);
        }
    });
}

void GistStar::readFailed(const GitHub::Error &error)
{
    if (error.kind == GitHub::Error::Kind::Cancelled) {
        return;
    }
    // Said where the star is (its tooltip), not in the banner: the page itself may be fine.
    m_unavailableReason = error.message();
    m_state = State::Unknown; // stateChanged() even when it was Unavailable before
    setState(State::Unavailable);
}

void GistStar::toggle()
{
    if (m_state == State::Unavailable) {
        stopReading();
        setState(State::Unknown);
        readStarredList();
        return;
    }
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
    m_write = request;
    connect(request, &GitHub::Request::succeeded, this,
            [this, star] { setState(star ? State::Starred : State::NotStarred); });
    connect(request, &GitHub::Request::failed, this, [this, before, star](const GitHub::Error &error) {
        setState(before);
        Q_EMIT failed(star ? tr("The gist was not starred: %1").arg(error.message())
                           : tr("The gist was not unstarred: %1").arg(error.message()));
    });
}

} // namespace Hubshelf::Models
