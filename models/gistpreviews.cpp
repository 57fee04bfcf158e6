#include "models/gistpreviews.h"

#include "github/client.h"
#include "github/endpoints.h"
#include "github/names.h"
#include "github/request.h"
#include "highlight/workers.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

GistPreviews::GistPreviews(QObject *parent)
    : QObject(parent)
{}

GistPreviews::~GistPreviews()
{
    QList<QPointer<GitHub::Request>> pending;
    for (const QPointer<GitHub::Request> &request : std::as_const(m_pending)) {
        pending.append(request);
    }
    GitHub::Request::abandon(pending);
}

void GistPreviews::setClient(GitHub::Client *client)
{
    if (client != m_client) {
        request({});
    }
    m_client = client;
}

void GistPreviews::request(const QStringList &ids)
{
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    QList<QPointer<GitHub::Request>> dropped;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        dropped.append(it.value());
        it = m_pending.erase(it);
    }
    GitHub::Request::abandon(dropped);
    if (!m_client) {
        return;
    }
    for (const QString &id : ids) {
        if (m_previews.contains(id) || m_pending.contains(id) || !GitHub::isValidGistId(id)) {
            continue;
        }
        GitHub::Request *request = fetch(id, false);
        m_pending.insert(id, request);
        connect(request, &GitHub::Request::finished, this, [this, id] { m_pending.remove(id); });
    }
}

GitHub::Request *GistPreviews::fetch(const QString &id, bool cacheOnly)
{
    GitHub::RequestOptions options;
    options.origin = tr("Gist cards");
    options.acceptStale = true;  // a card shows what was saved at once; its content rarely changes
    options.offline = cacheOnly; // the cache's answer or none: a search never spends the rate limit
    GitHub::Request *request = m_client->get(m_client->endpoint(GitHub::Endpoints::gist(id)), options);
    connect(request, &GitHub::Request::succeeded, this,
            [this, id](const GitHub::Response &response) { take(id, response); });
    return request;
}

void GistPreviews::loadCached(const QStringList &ids)
{
    if (!m_client) {
        return;
    }
    for (const QString &id : ids) {
        if (m_cacheAsked.size() >= MaxKept) {
            return;
        }
        if (m_previews.contains(id) || m_pending.contains(id) || m_cacheAsked.contains(id) ||
            !GitHub::isValidGistId(id)) {
            continue;
        }
        m_cacheAsked.insert(id);
        fetch(id, true);
    }
}

void GistPreviews::take(const QString &id, const GitHub::Response &response)
{
    // The client hands over the JSON it parsed off this thread; a small cached body comes as bytes.
    const QJsonObject gist = !response.json.isNull()
                                 ? response.json.object()
                                 : GitHub::parseJsonBody(response.body).value_or(QJsonDocument()).object();
    QByteArray contents;
    const QJsonObject files = gist.value(u"files"_s).toObject();
    for (auto file = files.begin(); file != files.end() && contents.size() < MaxContentBytes; ++file) {
        contents += file->toObject().value(u"content"_s).toString().toLower().toUtf8();
        contents += '\n';
    }
    contents.truncate(MaxContentBytes);
    m_contentBytes += contents.size() - m_contents.value(id).size();
    m_contents.insert(id, contents);
    m_order.removeOne(id);
    m_order.append(id);
    while (m_order.size() > MaxKept || (m_contentBytes > MaxAllContentBytes && m_order.size() > 1)) {
        const QString oldest = m_order.takeFirst();
        m_previews.remove(oldest);
        m_contentBytes -= m_contents.take(oldest).size();
    }
    m_highlighting.insert(id);
    auto *watcher = new QFutureWatcher<GistPreview>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        m_highlighting.remove(id);
        m_previews.insert(id, watcher->result());
        Q_EMIT previewReady(id);
    });
    watcher->setFuture(QtConcurrent::run(Highlight::workers(), &GistPreviews::highlighted, previewOf(gist)));
}

const GistPreview *GistPreviews::preview(const QString &id) const
{
    const auto found = m_previews.constFind(id);
    return found == m_previews.cend() ? nullptr : &*found;
}

GistPreview GistPreviews::previewOf(const QJsonObject &gist)
{
    GistPreview preview;
    const QJsonValue forks = gist.value(u"forks"_s);
    if (forks.isArray()) {
        preview.forks = int(forks.toArray().size());
    }
    const QJsonObject files = gist.value(u"files"_s).toObject();
    if (files.isEmpty()) {
        return preview;
    }
    // GitHub lists a gist's files by name; its first is the one a gist page shows first.
    const QJsonObject file = files.begin()->toObject();
    preview.fileName = file.value(u"filename"_s).toString(files.begin().key());
    preview.language = Highlight::languageOf(preview.fileName, file.value(u"language"_s).toString());
    const QJsonValue content = file.value(u"content"_s);
    if (!content.isString()) {
        preview.truncated = true;
        return preview;
    }
    const QString text = content.toString();
    qsizetype from = 0;
    while (preview.lines.size() < Lines && from < text.size()) {
        qsizetype end = text.indexOf(u'\n', from);
        if (end < 0) {
            end = text.size();
        }
        QString line = text.mid(from, std::min<qsizetype>(end - from, 400));
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
        preview.lines.append(line);
        from = end + 1;
    }
    return preview;
}

GistPreview GistPreviews::highlighted(GistPreview preview)
{
    preview.spans = Highlight::highlightLines(preview.lines.join(u'\n'), preview.language, Lines);
    // Tabs become four spaces after highlighting: a tab is one column in the spans, four on the card.
    for (qsizetype i = 0; i < preview.lines.size(); ++i) {
        QString &line = preview.lines[i];
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0) {
            continue;
        }
        QString expanded;
        QList<int> columnOf; // each character's column after expansion
        for (const QChar c : std::as_const(line)) {
            columnOf.append(int(expanded.size()));
            expanded += c == u'\t' ? u"    "_s : QString(c);
        }
        columnOf.append(int(expanded.size()));
        for (Highlight::Span &span : preview.spans[i]) {
            const int start = columnOf.value(span.start);
            span.length = columnOf.value(std::min<int>(span.start + span.length, int(line.size()))) - start;
            span.start = start;
        }
        line = expanded;
    }
    return preview;
}

} // namespace Hubshelf::Models
