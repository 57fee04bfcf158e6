#include "widgets/avatarlabel.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>

namespace Hubshelf::Ui::Widgets {

AvatarLabel::AvatarLabel(int sizePx, QWidget *parent)
    : QLabel(parent)
    , m_size(sizePx)
{
    setFixedSize(sizePx, sizePx);
    showPlaceholder();
}

AvatarLabel::~AvatarLabel() = default;

void AvatarLabel::setAvatar(const QUrl &url, const QString &name, Shape shape)
{
    m_url = url;
    m_name = name;
    m_shape = shape;
    m_hasAvatar = false;
    showPlaceholder();
    // A loader may answer at once, from memory: the placeholder must be up before.
    if (m_url.isValid()) {
        Q_EMIT requested(m_url, m_size);
    }
}

void AvatarLabel::showAvatar(const QUrl &url, const QPixmap &pixmap)
{
    if (url != m_url || m_url.isEmpty()) {
        return;
    }
    m_hasAvatar = true;
    setPixmap(shaped(pixmap, m_size, m_shape, devicePixelRatioF()));
}

void AvatarLabel::showPlaceholder()
{
    setPixmap(placeholder(m_name, m_size, palette(), devicePixelRatioF()));
}

void AvatarLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_hasAvatar) {
        showPlaceholder();
    }
}

QPixmap AvatarLabel::placeholder(const QString &name, int sizePx, const QPalette &palette,
                                 qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(sizePx, sizePx) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);

    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area(0, 0, sizePx, sizePx);
    // Mid on Window reads as "no picture" in light and dark palettes alike.
    QColor fill = palette.color(QPalette::Mid);
    fill.setAlphaF(0.45f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(area);

    const QString initial = name.trimmed().left(1).toUpper();
    QColor ink = palette.color(QPalette::WindowText);
    ink.setAlphaF(0.7f);
    if (!initial.isEmpty()) {
        QFont font = painter.font();
        font.setPixelSize(std::max(6, sizePx * 4 / 9));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(ink);
        painter.drawText(area, Qt::AlignCenter, initial);
    } else {
        // A head and shoulders, clipped by the circle.
        QPainterPath clip;
        clip.addEllipse(area);
        painter.setClipPath(clip);
        painter.setBrush(ink);
        const qreal s = sizePx;
        painter.drawEllipse(QRectF(s * 0.33, s * 0.18, s * 0.34, s * 0.34));
        painter.drawEllipse(QRectF(s * 0.14, s * 0.58, s * 0.72, s * 0.62));
    }
    return pixmap;
}

QPixmap AvatarLabel::shaped(const QPixmap &source, int sizePx, Shape shape, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(sizePx, sizePx) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    if (source.isNull()) {
        return pixmap;
    }
    QPainter painter(&pixmap);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    const QRectF area(0, 0, sizePx, sizePx);
    QPainterPath clip;
    if (shape == Shape::Circle) {
        clip.addEllipse(area);
    } else {
        clip.addRoundedRect(area, sizePx / 8.0, sizePx / 8.0);
    }
    painter.setClipPath(clip);
    painter.drawPixmap(area, source, QRectF(source.rect()));
    return pixmap;
}

} // namespace Hubshelf::Ui::Widgets
