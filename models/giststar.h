#pragma once

#include "github/error.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace Hubshelf::GitHub {
class Client;
class PageStream;
class Request;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// Whether the signed-in person starred one gist, and starring or unstarring it: the window's first
// writes. Whether it is starred is read from the person's starred list (GET /gists/starred, through
// the cache, so that coming back costs nothing); only for a person who starred more than
// starredListLimit() gists is the gist itself asked (GET /gists/{id}/star, a point each time, as
// GitHub's 204 or 404 cannot be cached). A star or unstar drops the saved starred list
// (Client::write), so that the list and the next look agree.
class GistStar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistStar)

public:
    enum class State {
        Anonymous,   // nobody signed in: GitHub keeps stars for accounts only
        Unknown,     // no gist, or still asking
        Unavailable, // asking failed (unavailableReason()); toggle() asks again
        Starred,
        NotStarred,
        Changing, // a star or unstar is under way
    };
    Q_ENUM(State)

    static constexpr int DefaultStarredListLimit = 1000;

    explicit GistStar(GitHub::Client *client, QObject *parent = nullptr);
    ~GistStar() override;

    // Asks whether `gistId` is starred (nothing while anonymous); an empty id forgets the gist. The
    // same gist again keeps what is known, and a star or unstar under way.
    void setGist(const QString &gistId);
    QString gistId() const { return m_gistId; }
    State state() const { return m_state; }
    QString unavailableReason() const { return m_unavailableReason; }
    // Stars what is not starred and unstars what is; asks again when Unavailable.
    void toggle();

    void setStarredListLimit(int items) { m_starredListLimit = items; }
    int starredListLimit() const { return m_starredListLimit; }

Q_SIGNALS:
    void stateChanged(Hubshelf::Models::GistStar::State state);
    // A star or unstar failed: one sentence that says why.
    void failed(const QString &message);

private:
    void setState(State state);
    void stopReading();
    void readStarredList();
    void askTheGist();
    void readFailed(const GitHub::Error &error);

    GitHub::Client *m_client = nullptr;
    QString m_gistId;
    State m_state = State::Unknown;
    QString m_unavailableReason;
    int m_starredListLimit = DefaultStarredListLimit;
    QPointer<GitHub::PageStream> m_starredList;
    QPointer<GitHub::Request> m_read;
    // A write under way is never abandoned: GitHub may have made the change, and the client drops
    // the saved starred list once it answers. Only its answer is no longer this object's business.
    QPointer<GitHub::Request> m_write;
};

} // namespace Hubshelf::Models
