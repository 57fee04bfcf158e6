#include "images/avatarloader.h"

#include "github/endpoints.h"
#include "images/logging.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Hubshelf::Images {

namespace {

constexpr int TransferTimeoutMs = 20000;
// Decoded pixmaps kept in memory, in KiB of pixels: a few hundred avatars at list and card sizes.
constexpr int MemoryCacheKiB = 24 * 1024;

qreal applicationRatio()
{
    return qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
}

} // namespace

AvatarLoader::AvatarLoader(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_memory(MemoryCacheKiB)
{
    Q_ASSERT(m_network);
}

AvatarLoader::~AvatarLoader() = default;

QNetworkDiskCache *AvatarLoader::makeDiskCache(QObject *parent, const QString &directory)
{
    QString path = directory;
    if (path.isEmpty()) {
        path = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/avatars"_s;
    }
    QDir().mkpath(path);
    auto *cache = new QNetworkDiskCache(parent);
    cache->setCacheDirectory(path);
    cache->setMaximumCacheSize(DiskCacheBytes);
    return cache;
}

QUrl AvatarLoader::sizedUrl(const QUrl &url, int sizePx)
{
    QUrl sized = url;
    QUrlQuery query(url);
    query.removeAllQueryItems(u"s"_s);
    query.addQueryItem(u"s"_s, QString::number(sizePx));
    sized.setQuery(query);
    return sized;
}

QString AvatarLoader::key(const QUrl &url, int sizePx)
{
    return url.toString(QUrl::FullyEncoded) + u'#' + QString::number(sizePx);
}

QPixmap AvatarLoader::cached(const QUrl &url, int sizePx) const
{
    const QPixmap *pixmap = m_memory.object(key(url, sizePx));
    return pixmap ? *pixmap : QPixmap();
}

void AvatarLoader::request(const QUrl &url, int sizePx)
{
    if (!GitHub::Endpoints::isWebUrl(url) || sizePx <= 0) {
        Q_EMIT avatarFailed(url);
        return;
    }
    if (const QPixmap *pixmap = m_memory.object(key(url, sizePx))) {
        Q_EMIT avatarReady(url, *pixmap);
        return;
    }

    const int devicePx = int(std::ceil(sizePx * applicationRatio()));
    const QUrl target = sizedUrl(url, devicePx);
    auto pending = m_pending.find(target);
    if (pending != m_pending.end()) {
        pending->append({url, sizePx});
        return;
    }
    m_pending.insert(target, {{url, sizePx}});

    QNetworkRequest request(target);
    // Avatars change rarely and GitHub versions their URLs (?v=4): a stored copy is good enough.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, false);
    request.setTransferTimeout(TransferTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > MaxImageBytes || total > MaxImageBytes) {
            reply->abort();
        }
    });
}

void AvatarLoader::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const QUrl target = reply->request().url();
    const QList<Waiter> waiters = m_pending.take(target);

    QImage image;
    if (reply->error() == QNetworkReply::NoError) {
        image = QImage::fromData(reply->readAll());
    }
    if (image.isNull()) {
        qCDebug(lcImages) << "avatar not loaded:" << target.toDisplayString() << reply->errorString();
        for (const Waiter &waiter : waiters) {
            Q_EMIT avatarFailed(waiter.url);
        }
        return;
    }

    const qreal ratio = applicationRatio();
    for (const Waiter &waiter : waiters) {
        const int devicePx = int(std::ceil(waiter.sizePx * ratio));
        QPixmap pixmap = QPixmap::fromImage(
            image.scaled(devicePx, devicePx, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(ratio);
        const int cost = std::max(1, int(pixmap.width() * pixmap.height() * 4 / 1024));
        m_memory.insert(key(waiter.url, waiter.sizePx), new QPixmap(pixmap), cost);
        Q_EMIT avatarReady(waiter.url, pixmap);
    }
}

} // namespace Hubshelf::Images
