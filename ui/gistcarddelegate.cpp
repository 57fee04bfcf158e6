#include "ui/gistcarddelegate.h"

#include "highlight/language.h"
#include "models/columns.h"
#include "models/gistpreviews.h"
#include "models/roles.h"
#include "ui/syntaxcolours.h"
#include "widgets/codefont.h"
#include "widgets/colours.h"
#include "widgets/languagecolours.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

constexpr int Padding = 12;
constexpr int Radius = 6;

QVariant cell(const QModelIndex &index, const QString &column, int role = Qt::DisplayRole)
{
    return index.sibling(index.row(), Models::columnNamed(Models::ListKind::Gists, column)).data(role);
}

// A file's chip: a dot in its language's colour, then its name; returns the width it took.
int paintChip(QPainter *painter, const QRect &area, const QString &fileName, const QPalette &palette)
{
    const Highlight::Language language = Highlight::languageOf(fileName);
    const QFontMetrics metrics(painter->font());
    const int dot = metrics.height() / 2;
    const QString name = metrics.elidedText(fileName, Qt::ElideMiddle, 160);
    const int width = dot + 6 + metrics.horizontalAdvance(name) + 14;
    if (width > area.width()) {
        return -1;
    }
    const QRect chip(area.left(), area.top(), width, metrics.height() + 6);
    const QColor chipColour =
        Widgets::blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08);
    painter->setPen(Qt::NoPen);
    painter->setBrush(chipColour);
    painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    const QColor colour = language.isKnown() ? Widgets::languageColour(language.name)
                                             : palette.color(QPalette::PlaceholderText);
    painter->setBrush(colour);
    // Some of linguist's colours are near black (JSON's #292929): on a dark chip a ring shows them.
    if (std::abs(colour.lightness() - chipColour.lightness()) < 48) {
        painter->setPen(QPen(palette.color(QPalette::PlaceholderText), 1));
    }
    painter->drawEllipse(QRect(chip.left() + 7, chip.center().y() - dot / 2, dot, dot));
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(chip.adjusted(7 + dot + 5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, name);
    return width;
}

void paintPreview(QPainter *painter, const QRect &box, const Models::GistPreview *preview,
                  const QPalette &palette, bool pending)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawRoundedRect(box, 4, 4);
    QFont code = Widgets::codeFont();
    code.setPointSizeF(code.pointSizeF() * 0.85);
    painter->setFont(code);
    const QFontMetrics metrics(code);
    const QRect inner = box.adjusted(8, 6, -8, -6);
    painter->save();
    painter->setClipRect(inner);
    if (!preview) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop,
                          pending ? GistCardDelegate::tr("Loading…") : QString());
        painter->restore();
        return;
    }
    if (preview->truncated) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          GistCardDelegate::tr("%1 is too large to preview.").arg(preview->fileName));
        painter->restore();
        return;
    }
    const QColor text = palette.color(QPalette::Text);
    int baseline = inner.top() + metrics.ascent();
    for (qsizetype i = 0; i < preview->lines.size() && baseline < inner.bottom(); ++i) {
        const QString &line = preview->lines.at(i);
        const Highlight::LineSpans spans = preview->spans.value(i);
        qreal x = inner.left();
        int at = 0;
        const auto run = [&](int from, int to, const QColor &colour) {
            if (to <= from || x > inner.right()) {
                return;
            }
            const QString piece = line.mid(from, to - from);
            painter->setPen(colour);
            painter->drawText(QPointF(x, baseline), piece);
            x += metrics.horizontalAdvance(piece);
        };
        for (const Highlight::Span &span : spans) {
            run(at, span.start, text);
            const QColor colour = syntaxColour(span.element, palette);
            run(span.start, span.start + span.length, colour.isValid() ? colour : text);
            at = span.start + span.length;
        }
        run(at, int(line.size()), text);
        baseline += metrics.lineSpacing();
    }
    painter->restore();
}

} // namespace

GistCardDelegate::GistCardDelegate(Models::GistPreviews *previews, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_previews(previews)
{}

QSize GistCardDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return {CardWidth, CardHeight};
}

QString GistCardDelegate::relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid()) {
        return {};
    }
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60) {
        return tr("just now");
    }
    if (seconds < 3600) {
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    }
    if (seconds < 86400) {
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    }
    if (seconds < 86400 * 31) {
        return tr("%n day(s) ago", nullptr, int(seconds / 86400));
    }
    if (seconds < 86400 * 365) {
        return tr("%n month(s) ago", nullptr, int(seconds / (86400 * 30)));
    }
    return tr("%n year(s) ago", nullptr, int(seconds / (86400 * 365)));
}

void GistCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const QRect card = option.rect.adjusted(4, 4, -4, -4);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    QPen border(selected ? palette.color(QPalette::Highlight)
                         : Widgets::blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.2));
    border.setWidthF(selected || focused ? 2.0 : 1.0);
    painter->setPen(border);
    painter->setBrush(
        selected ? Widgets::blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.08)
                 : palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);

    const QRect inner = card.adjusted(Padding, Padding, -Padding, -Padding);
    QFont title = option.font;
    title.setBold(true);
    painter->setFont(title);
    const QFontMetrics titleMetrics(title);
    const bool described = !cell(index, u"description"_s, Models::PlaceholderRole).toBool();
    const QString description = cell(index, u"description"_s).toString();
    painter->setPen(described ? palette.color(QPalette::Text) : palette.color(QPalette::PlaceholderText));
    const QRect titleRect(inner.left(), inner.top(), inner.width(), titleMetrics.lineSpacing() * 2);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      titleMetrics.elidedText(description, Qt::ElideRight, inner.width() * 2 - 20));

    painter->setFont(option.font);
    const QFontMetrics metrics(option.font);
    int y = titleRect.bottom() + 6;
    const QStringList files =
        cell(index, u"files"_s, Models::ExportRole).toString().split(u';', Qt::SkipEmptyParts);
    QRect chips(inner.left(), y, inner.width(), metrics.height() + 6);
    int x = chips.left();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const int width = paintChip(painter, QRect(x, chips.top(), chips.right() - x - 40, chips.height()),
                                    files.at(i), palette);
        if (width < 0) {
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(QRect(x, chips.top(), chips.right() - x, chips.height()), Qt::AlignVCenter,
                              tr("+%1").arg(files.size() - i));
            break;
        }
        x += width + 6;
    }
    y = chips.bottom() + 8;

    const int footerHeight = metrics.height();
    const QRect previewBox(inner.left(), y, inner.width(), inner.bottom() - footerHeight - 8 - y);
    const QString id = index.data(Models::IdRole).toString();
    const Models::GistPreview *preview = m_previews ? m_previews->preview(id) : nullptr;
    paintPreview(painter, previewBox, preview, palette, m_previews && m_previews->isPending(id));
    painter->setFont(option.font);

    const QRect footer(inner.left(), inner.bottom() - footerHeight, inner.width(), footerHeight);
    const bool isPublic = cell(index, u"public"_s, Models::SortRole).toBool();
    const QString visibility = isPublic ? tr("Public") : tr("Secret");
    QStringList counts;
    const int comments = cell(index, u"comments"_s, Models::SortRole).toInt();
    counts << tr("%n comment(s)", nullptr, comments);
    if (preview && preview->forks > 0) { // known once the card's gist came: the list does not say
        counts << tr("%n fork(s)", nullptr, preview->forks);
    }
    // "updated 3 days ago · 2 comments · 1 fork", or without "updated" where that does not fit.
    const QDateTime updated = cell(index, u"updated_at"_s, Models::SortRole).toDateTime();
    const QString when =
        updated.isValid() ? relativeTime(updated, QDateTime::currentDateTimeUtc()) : QString();
    const QString separator = u" · "_s;
    const QString longFacts =
        (when.isEmpty() ? counts : QStringList{tr("updated %1").arg(when)} + counts).join(separator);
    const QString shortFacts = (when.isEmpty() ? counts : QStringList{when} + counts).join(separator);
    QFont badgeFont = option.font;
    badgeFont.setBold(!isPublic);
    painter->setFont(badgeFont);
    const int badgeWidth = QFontMetrics(badgeFont).horizontalAdvance(visibility) + 12;
    const QRect badge(footer.left(), footer.top() - 1, badgeWidth, footer.height() + 2);
    const QColor badgeColour =
        isPublic ? palette.color(QPalette::PlaceholderText) : Widgets::attentionColour(palette);
    painter->setPen(badgeColour);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), badge.height() / 2.0,
                             badge.height() / 2.0);
    painter->drawText(badge, Qt::AlignCenter, visibility);
    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const int room = footer.width() - badgeWidth - 8;
    const QString facts = metrics.horizontalAdvance(longFacts) <= room ? longFacts : shortFacts;
    painter->drawText(footer.adjusted(badgeWidth + 8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(facts, Qt::ElideRight, room));
    painter->restore();
}

} // namespace Hubshelf::Ui
