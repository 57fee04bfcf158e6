#pragma once

#include "highlight/language.h"
#include "highlight/linehighlighter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Hubshelf::GitHub {
class Client;
class Request;
struct Response;
} // namespace Hubshelf::GitHub

namespace Hubshelf::Models {

// The first lines of a gist's first file, highlighted: what a gist card shows.
struct GistPreview
{
    QString fileName;
    Highlight::Language language;
    QStringList lines; // at most GistPreviews::Lines, tabs as spaces
    QList<Highlight::LineSpans> spans;
    bool truncated = false; // GitHub sent no content (too large): nothing to show but its name
    int forks = -1;         // the forks the whole gist lists (a list of gists does not say); -1: unknown
};

// Gist previews for the cards on screen. A list of gists does not carry the files' content, so each
// card's comes from GET /gists/{id}, through the client and its cache (free once cached), and only
// for the cards asked for: request() with what is visible, which also drops what scrolled away
// before its answer came.
class GistPreviews final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistPreviews)

public:
    static constexpr int Lines = 8;
    // Previews kept; the oldest asked go first beyond it.
    static constexpr int MaxKept = 2000;

    explicit GistPreviews(QObject *parent = nullptr);
    ~GistPreviews() override;

    // A new list, perhaps on another client: what was kept stays (a gist is a gist).
    void setClient(GitHub::Client *client);

    // Asks for the previews of `ids` not known yet, and abandons those asked for before and not
    // among `ids` any more.
    void request(const QStringList &ids);
    const GistPreview *preview(const QString &id) const;
    // What the cache already holds of `ids` (never the network: nothing is spent), for the filter
    // to search their contents; their previews come with it.
    void loadCached(const QStringList &ids);
    // The text of a gist's files as far as known (fetched or cached), lower-cased UTF-8 as the
    // filter searches it; empty when unknown. At most MaxContentBytes of a gist, and
    // MaxAllContentBytes of all: beyond it, the oldest go.
    QByteArray contentOf(const QString &id) const { return m_contents.value(id); }
    static constexpr qsizetype MaxContentBytes = 1024 * 1024;
    static constexpr qsizetype MaxAllContentBytes = 64 * 1024 * 1024;
    bool isPending(const QString &id) const { return m_pending.contains(id) || m_highlighting.contains(id); }
    int pendingCount() const { return int(m_pending.size() + m_highlighting.size()); }

    // The preview of a gist's JSON (GET /gists/{id}): its first file, in the order GitHub lists them;
    // without its colours, which highlighted() adds (on Highlight::workers()).
    static GistPreview previewOf(const QJsonObject &gist);
    static GistPreview highlighted(GistPreview preview);

Q_SIGNALS:
    void previewReady(const QString &id);

private:
    // GET /gists/{id} through the cache, its answer taken; `cacheOnly`: never from GitHub.
    GitHub::Request *fetch(const QString &id, bool cacheOnly);
    void take(const QString &id, const GitHub::Response &response);

    QPointer<GitHub::Client> m_client;
    QHash<QString, GistPreview> m_previews;
    QStringList m_order; // oldest first, for MaxKept
    QHash<QString, QPointer<GitHub::Request>> m_pending;
    QHash<QString, QByteArray> m_contents;
    qsizetype m_contentBytes = 0;
    QSet<QString> m_highlighting;
    QSet<QString> m_cacheAsked; // loadCached(): asked once, whatever the cache said
};

} // namespace Hubshelf::Models
