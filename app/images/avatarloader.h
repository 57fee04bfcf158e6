#pragma once

#include <QCache>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPixmap>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkDiskCache;
class QNetworkReply;

namespace Hubshelf::Images {

// Fetches avatar images for the detail views. It has its own QNetworkAccessManager, with a disk
// cache, and never any token: avatars are public and are served by another origin than the API.
class AvatarLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvatarLoader)

public:
    static constexpr qint64 DiskCacheBytes = 20 * 1024 * 1024;
    // Bigger bodies are not avatars; the transfer is aborted.
    static constexpr qint64 MaxImageBytes = 4 * 1024 * 1024;

    // `network` is not owned; it is the loader's alone (never the Client's).
    explicit AvatarLoader(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AvatarLoader() override;

    // A 20 MB disk cache in `directory`, by default QStandardPaths::CacheLocation + "/avatars", for
    // the loader's QNetworkAccessManager.
    static QNetworkDiskCache *makeDiskCache(QObject *parent, const QString &directory = {});

    // GitHub's avatar URL for `sizePx` device pixels: `s=SIZE` set, other query items kept.
    static QUrl sizedUrl(const QUrl &url, int sizePx);

    // Asks for `url` at `sizePx` logical pixels; avatarReady() follows with the same `url` once the
    // image is there, synchronously when it is already decoded in memory. Anything but http(s) and
    // any failure emit avatarFailed() instead.
    void request(const QUrl &url, int sizePx);
    // The decoded avatar, if in memory; a null pixmap otherwise.
    QPixmap cached(const QUrl &url, int sizePx) const;

    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void avatarReady(const QUrl &url, const QPixmap &pixmap);
    void avatarFailed(const QUrl &url);

private:
    struct Waiter
    {
        QUrl url;
        int sizePx = 0;
    };

    void onFinished(QNetworkReply *reply);
    static QString key(const QUrl &url, int sizePx);

    QNetworkAccessManager *m_network = nullptr;
    QCache<QString, QPixmap> m_memory;
    // In-flight transfers by sized URL, with everyone waiting for each.
    QHash<QUrl, QList<Waiter>> m_pending;
};

} // namespace Hubshelf::Images
