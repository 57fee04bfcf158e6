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
// the cache, so that coming back costs nothing), and only for a person who starred more than
// StarredListLimit gists from GET /gists/{id}/star, which costs a point each time. A star or
// unstar drops the saved starred list (Client::write), so the list and the next look agree.
class GistStar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistStar)

public:
    enum class State {
        Anonymous, // nobody signed in: GitHub keeps stars for accounts only
        Unknown,   // no gist, or still asking
        Starred,
        NotStarred,
        Changing, // a star or unstar is under way
    };
    Q_ENUM(State)

    static constexpr int StarredListLimit = 1000;

    explicit GistStar(GitHub::Client *client, QObject *parent = nullptr);
    ~GistStar() override;

    // Asks whether `gistId` is starred (nothing while anonymous); an empty id forgets the gist.
    void setGist(const QString &gistId);
    QString gistId() const { return m_gistId; }
    State state() const { return m_state; }
    // Stars what is not starred and unstars what is; nothing in the other states.
    void toggle();

Q_SIGNALS:
    void stateChanged(Hubshelf::Models::GistStar::State state);
    // A star or unstar failed, or whether the gist is starred could not be learnt: one sentence.
    void failed(const QString &message);

private:
    void setState(State state);
    void stop();
    void askTheGist();

    GitHub::Client *m_client = nullptr;
    QString m_gistId;
    State m_state = State::Unknown;
    QPointer<GitHub::PageStream> m_starredList;
    QPointer<GitHub::Request> m_request;
};

} // namespace Hubshelf::Models
