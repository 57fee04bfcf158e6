#pragma once

#include <QLabel>
#include <QMetaObject>
#include <QPixmap>
#include <QString>
#include <QUrl>

class QPalette;

namespace Hubshelf::Ui::Widgets {

// A person's or an organization's avatar at a fixed size: a placeholder (their initial) at once,
// the picture, clipped to GitHub's shape, when the loader delivers it. The placeholder follows the
// palette until then.
class AvatarLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvatarLabel)

public:
    enum class Shape { Circle, RoundedSquare };

    explicit AvatarLabel(int sizePx, QWidget *parent = nullptr);
    ~AvatarLabel() override;

    // Any loader with request(QUrl, int) and a signal avatarReady(QUrl, QPixmap) (the application's
    // AvatarLoader): a template, so that this library needs none. Not owned; nullptr disconnects.
    template <typename Loader>
    void setLoader(Loader *loader)
    {
        disconnect(m_request);
        disconnect(m_ready);
        if (loader) {
            m_request = connect(this, &AvatarLabel::requested, loader, &Loader::request);
            m_ready = connect(loader, &Loader::avatarReady, this, &AvatarLabel::showAvatar);
        }
    }

    // The placeholder for `name`, then the picture at `url` once it arrives (people are circles,
    // organizations rounded squares). An empty `url` leaves the placeholder; an empty `name` shows a
    // silhouette.
    void setAvatar(const QUrl &url, const QString &name, Shape shape = Shape::Circle);
    // The picture for `url`, if it is the one asked for; anything else is ignored.
    void showAvatar(const QUrl &url, const QPixmap &pixmap);

    QUrl url() const { return m_url; }
    QString name() const { return m_name; }
    int avatarSize() const { return m_size; }
    // The picture arrived (as opposed to the placeholder).
    bool hasAvatar() const { return m_hasAvatar; }

    // What the label shows while an avatar loads or when it cannot: the first letter of `name` in a
    // circle, or a neutral silhouette when there is no name, in the colours of `palette`.
    static QPixmap placeholder(const QString &name, int sizePx, const QPalette &palette,
                               qreal devicePixelRatio = 1.0);
    // `source` scaled to `sizePx` (logical) and clipped to `shape`, as GitHub shows them.
    static QPixmap shaped(const QPixmap &source, int sizePx, Shape shape, qreal devicePixelRatio = 1.0);

Q_SIGNALS:
    // The label wants the picture at `url`, `sizePx` logical pixels square.
    void requested(const QUrl &url, int sizePx);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPlaceholder();

    int m_size = 0;
    QUrl m_url;
    QString m_name;
    Shape m_shape = Shape::Circle;
    bool m_hasAvatar = false;
    QMetaObject::Connection m_request;
    QMetaObject::Connection m_ready;
};

} // namespace Hubshelf::Ui::Widgets
