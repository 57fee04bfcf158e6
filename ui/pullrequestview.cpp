#include "ui/pullrequestview.h"

#include "ui/avatarloader.h"
#include "ui/markdownview.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonValue>
#include <QLabel>
#include <QList>
#include <QLocale>
#include <QPainter>
#include <QPair>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

constexpr int ChipPaddingX = 8;
constexpr int ChipPaddingY = 2;
constexpr int ChipSpacing = 6;

// The locale's short date and time, without seconds: nobody merges to the second.
QString dateText(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate).toLocalTime();
    if (!time.isValid()) {
        return {};
    }
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QRegularExpression(u"[:.]ss"_s));
    return QString(locale.toString(time.date(), QLocale::ShortFormat) + u' ' +
                   locale.toString(time.time(), timeFormat));
}

QColor blend(const QColor &base, const QColor &tint, float amount)
{
    return QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                            base.greenF() + (tint.greenF() - base.greenF()) * amount,
                            base.blueF() + (tint.blueF() - base.blueF()) * amount);
}

// Black or white, whichever reads better on `fill` (label colours are chosen by people).
QColor inkFor(const QColor &fill)
{
    const double luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

// A rounded pill behind the label's own (selectable) text. Without a fill of its own it tints the
// palette's base with its highlight, so that it follows light and dark palettes.
class Chip final : public QLabel
{
public:
    explicit Chip(QWidget *parent)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        setContentsMargins(ChipPaddingX, ChipPaddingY, ChipPaddingX, ChipPaddingY);
        setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    }

    void setFill(const QColor &fill)
    {
        m_fill = fill;
        // Without a fill of its own, the text keeps following the palette (an empty palette inherits).
        QPalette colours;
        if (fill.isValid()) {
            colours.setColor(QPalette::WindowText, inkFor(fill));
        }
        setPalette(colours);
        update();
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        {
            QPainter painter(this);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            const QPalette &colours = palette();
            painter.setBrush(m_fill.isValid() ? m_fill
                                              : blend(colours.color(QPalette::Base),
                                                      colours.color(QPalette::Highlight), 0.18f));
            const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
            painter.drawRoundedRect(area, area.height() / 2, area.height() / 2);
        }
        QLabel::paintEvent(event);
    }

private:
    QColor m_fill;
};

// GitHub's labels as coloured pills that wrap onto further lines when the pane is narrow.
class LabelFlow final : public QWidget
{
public:
    explicit LabelFlow(QWidget *parent)
        : QWidget(parent)
    {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    void setLabels(const QList<QPair<QString, QColor>> &labels)
    {
        m_labels = labels;
        QStringList names;
        for (const auto &label : labels) {
            names << label.first;
        }
        setAccessibleDescription(names.join(u", "_s));
        setToolTip(names.join(u", "_s));
        updateGeometry();
        update();
    }

    QStringList names() const
    {
        QStringList result;
        for (const auto &label : m_labels) {
            result << label.first;
        }
        return result;
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return place(width).bounds.bottom() + 1; }
    QSize sizeHint() const override
    {
        const Placement placement = place(QWIDGETSIZE_MAX);
        return {placement.bounds.width(), placement.bounds.height()};
    }
    QSize minimumSizeHint() const override { return {chipHeight() * 2, chipHeight()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const Placement placement = place(width());
        for (qsizetype i = 0; i < m_labels.size(); ++i) {
            const QRectF area = QRectF(placement.chips.at(i)).adjusted(0.5, 0.5, -0.5, -0.5);
            painter.setPen(Qt::NoPen);
            painter.setBrush(m_labels.at(i).second);
            painter.drawRoundedRect(area, area.height() / 2, area.height() / 2);
            painter.setPen(inkFor(m_labels.at(i).second));
            painter.drawText(area, Qt::AlignCenter, m_labels.at(i).first);
        }
    }

private:
    struct Placement
    {
        QList<QRect> chips;
        QRect bounds;
    };

    int chipHeight() const { return fontMetrics().height() + 2 * ChipPaddingY; }

    Placement place(int width) const
    {
        Placement placement;
        int x = 0;
        int y = 0;
        const int height = chipHeight();
        for (const auto &label : m_labels) {
            const int chipWidth = fontMetrics().horizontalAdvance(label.first) + 2 * ChipPaddingX;
            if (x > 0 && x + chipWidth > width) {
                x = 0;
                y += height + ChipSpacing / 2;
            }
            const QRect chip(x, y, chipWidth, height);
            placement.chips.append(chip);
            placement.bounds = placement.bounds.united(chip);
            x += chipWidth + ChipSpacing;
        }
        return placement;
    }

    QList<QPair<QString, QColor>> m_labels;
};

QString branchOf(const QJsonObject &pull, const QString &side)
{
    const QJsonObject end = pull.value(side).toObject();
    const QString ref = end.value(u"ref"_s).toString();
    // From a fork, the branch alone would be ambiguous: GitHub shows "owner:branch" then.
    const QString headRepo =
        pull.value(u"head"_s).toObject().value(u"repo"_s).toObject().value(u"full_name"_s).toString();
    const QString baseRepo =
        pull.value(u"base"_s).toObject().value(u"repo"_s).toObject().value(u"full_name"_s).toString();
    if (side == u"head"_s && !headRepo.isEmpty() && headRepo != baseRepo) {
        const QString label = end.value(u"label"_s).toString();
        return label.isEmpty() ? ref : label;
    }
    return ref;
}

QColor stateColour(PullRequestView::State state)
{
    // GitHub's state colours: saturated enough for white text on light and dark windows.
    switch (state) {
    case PullRequestView::State::Open:
        return {0x1f, 0x88, 0x3d};
    case PullRequestView::State::Draft:
        return {0x6e, 0x77, 0x81};
    case PullRequestView::State::Merged:
        return {0x82, 0x50, 0xdf};
    case PullRequestView::State::Closed:
        return {0xcf, 0x22, 0x2e};
    case PullRequestView::State::None:
        break;
    }
    return {};
}

} // namespace

PullRequestView::PullRequestView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"pullRequestView"_s);
    setAccessibleName(tr("Pull request"));

    m_title = new QLabel(this);
    m_title->setObjectName(u"pullTitle"_s);
    m_title->setAccessibleName(tr("Title"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *badge = new Chip(this);
    badge->setObjectName(u"pullState"_s);
    badge->setAccessibleName(tr("State"));
    m_stateBadge = badge;

    m_avatar = new QLabel(this);
    m_avatar->setObjectName(u"pullAuthorAvatar"_s);
    m_avatar->setAccessibleName(tr("Author's avatar"));
    m_avatar->setFixedSize(AuthorAvatarSize, AuthorAvatarSize);
    m_author = new QLabel(this);
    m_author->setObjectName(u"pullAuthor"_s);
    m_author->setAccessibleName(tr("Author"));
    m_author->setTextFormat(Qt::PlainText);
    m_author->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *byline = new QHBoxLayout;
    byline->setSpacing(8);
    byline->addWidget(m_stateBadge, 0, Qt::AlignVCenter);
    byline->addSpacing(4);
    byline->addWidget(m_avatar, 0, Qt::AlignVCenter);
    byline->addWidget(m_author, 0, Qt::AlignVCenter);
    byline->addStretch(1);

    const auto makeBranch = [this](const QString &name, const QString &accessible) {
        auto *chip = new Chip(this);
        chip->setObjectName(name);
        chip->setAccessibleName(accessible);
        chip->setTextInteractionFlags(Qt::TextSelectableByMouse);
        chip->setFill({});
        return chip;
    };
    m_head = makeBranch(u"pullHead"_s, tr("Head branch"));
    m_base = makeBranch(u"pullBase"_s, tr("Base branch"));
    m_arrow = new QLabel(u"→"_s, this);
    m_arrow->setAccessibleName(tr("into"));
    m_arrow->setForegroundRole(QPalette::PlaceholderText);
    auto *branches = new QHBoxLayout;
    branches->setSpacing(6);
    branches->addWidget(m_head);
    branches->addWidget(m_arrow);
    branches->addWidget(m_base);
    branches->addStretch(1);

    m_created = new QLabel(this);
    m_updated = new QLabel(this);
    m_closed = new QLabel(this);
    m_merged = new QLabel(this);
    m_dates = new QFormLayout;
    m_dates->setHorizontalSpacing(16);
    m_dates->setVerticalSpacing(4);
    m_dates->setLabelAlignment(Qt::AlignLeft);
    m_dates->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<QPair<QLabel *, QString>> dates = {{m_created, tr("Opened")},
                                                   {m_updated, tr("Updated")},
                                                   {m_closed, tr("Closed")},
                                                   {m_merged, tr("Merged")}};
    for (const auto &[value, caption] : dates) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAccessibleName(caption);
        auto *label = new QLabel(caption, this);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setBuddy(value);
        m_dates->addRow(label, value);
    }
    m_created->setObjectName(u"pullCreated"_s);
    m_updated->setObjectName(u"pullUpdated"_s);
    m_closed->setObjectName(u"pullClosed"_s);
    m_merged->setObjectName(u"pullMerged"_s);

    m_labels = new LabelFlow(this);
    m_labels->setObjectName(u"pullLabels"_s);
    m_labels->setAccessibleName(tr("Labels"));

    m_body = new MarkdownView(this);
    m_body->setObjectName(u"pullBody"_s);
    m_body->setAccessibleName(tr("Description"));
    m_body->setFrameShape(QFrame::StyledPanel);
    m_body->setMinimumHeight(120);

    m_open = new QPushButton(tr("Open on GitHub"), this);
    m_open->setObjectName(u"pullOpenOnGitHub"_s);
    m_open->setAccessibleName(tr("Open the pull request on GitHub"));
    m_open->setAutoDefault(false);
    connect(m_open, &QPushButton::clicked, this, [this] { MarkdownView::openExternally(m_htmlUrl); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addLayout(byline);
    layout->addLayout(branches);
    layout->addLayout(m_dates);
    layout->addWidget(m_labels);
    layout->addSpacing(4);
    layout->addWidget(m_body, 1);
    layout->addLayout(buttons);

    setTabOrder(m_title, m_body);
    setTabOrder(m_body, m_open);

    applyFonts();
    clear();
}

PullRequestView::~PullRequestView() = default;

void PullRequestView::setAvatarLoader(AvatarLoader *loader)
{
    if (m_loader) {
        disconnect(m_loader, nullptr, this, nullptr);
    }
    m_loader = loader;
    if (m_loader) {
        connect(m_loader, &AvatarLoader::avatarReady, this, &PullRequestView::onAvatarReady);
    }
}

PullRequestView::State PullRequestView::stateOf(const QJsonObject &pull)
{
    if (pull.isEmpty()) {
        return State::None;
    }
    const QJsonValue merged = pull.value(u"merged_at"_s);
    if ((merged.isString() && !merged.toString().isEmpty()) || pull.value(u"merged"_s).toBool()) {
        return State::Merged;
    }
    if (pull.value(u"state"_s).toString() == u"closed"_s) {
        return State::Closed;
    }
    return pull.value(u"draft"_s).toBool() ? State::Draft : State::Open;
}

QString PullRequestView::stateText() const
{
    switch (m_state) {
    case State::Open:
        return tr("Open");
    case State::Draft:
        return tr("Draft");
    case State::Merged:
        return tr("Merged");
    case State::Closed:
        return tr("Closed");
    case State::None:
        break;
    }
    return {};
}

QString PullRequestView::title() const
{
    return m_title->text();
}

QString PullRequestView::headBranch() const
{
    return m_head->text();
}

QString PullRequestView::baseBranch() const
{
    return m_base->text();
}

QStringList PullRequestView::labelNames() const
{
    return static_cast<LabelFlow *>(m_labels)->names();
}

const QTextDocument *PullRequestView::bodyDocument() const
{
    return m_body->document();
}

void PullRequestView::clear()
{
    m_pull = {};
    m_state = State::None;
    m_avatarUrl.clear();
    m_htmlUrl.clear();
    m_hasAvatar = false;
    m_title->clear();
    m_stateBadge->clear();
    m_stateBadge->hide();
    m_author->clear();
    m_avatar->hide();
    m_head->clear();
    m_base->clear();
    for (QWidget *branch :
         {static_cast<QWidget *>(m_head), static_cast<QWidget *>(m_base), static_cast<QWidget *>(m_arrow)}) {
        branch->hide();
    }
    for (QLabel *date : {m_created, m_updated, m_closed, m_merged}) {
        setDateRow(date, {});
    }
    static_cast<LabelFlow *>(m_labels)->setLabels({});
    m_labels->hide();
    m_body->showMarkdown({});
    m_body->hide();
    m_open->hide();
}

void PullRequestView::showPullRequest(const QJsonObject &pull)
{
    clear();
    m_pull = pull;
    m_state = stateOf(pull);

    const int number = pull.value(u"number"_s).toInt();
    const QString title = pull.value(u"title"_s).toString().trimmed();
    m_title->setText(number > 0 ? tr("#%1 %2").arg(number).arg(title) : title);

    m_stateBadge->setText(stateText());
    static_cast<Chip *>(m_stateBadge)->setFill(stateColour(m_state));
    m_stateBadge->setToolTip(tr("State: %1").arg(stateText()));
    m_stateBadge->show();

    const QJsonObject user = pull.value(u"user"_s).toObject();
    m_author->setText(user.value(u"login"_s).toString());
    m_author->setToolTip(tr("Opened by %1").arg(m_author->text()));
    m_avatar->setVisible(!m_author->text().isEmpty());

    const QString head = branchOf(pull, u"head"_s);
    const QString base = branchOf(pull, u"base"_s);
    m_head->setText(head);
    m_head->setToolTip(tr("The branch with the changes: %1").arg(head));
    m_base->setText(base);
    m_base->setToolTip(tr("The branch it merges into: %1").arg(base));
    m_head->setVisible(!head.isEmpty());
    m_base->setVisible(!base.isEmpty());
    m_arrow->setVisible(!head.isEmpty() && !base.isEmpty());

    setDateRow(m_created, dateText(pull.value(u"created_at"_s)));
    setDateRow(m_updated, dateText(pull.value(u"updated_at"_s)));
    // A merged pull request is closed too, at the same moment: say it once.
    if (m_state == State::Merged) {
        setDateRow(m_merged, dateText(pull.value(u"merged_at"_s)));
    } else {
        setDateRow(m_closed, dateText(pull.value(u"closed_at"_s)));
    }

    QList<QPair<QString, QColor>> labels;
    const QJsonArray labelArray = pull.value(u"labels"_s).toArray();
    for (const QJsonValue &value : labelArray) {
        const QJsonObject label = value.toObject();
        const QColor colour = QColor::fromString(QString(u'#' + label.value(u"color"_s).toString()));
        labels.append(
            {label.value(u"name"_s).toString(), colour.isValid() ? colour : QColor(0x6e, 0x77, 0x81)});
    }
    static_cast<LabelFlow *>(m_labels)->setLabels(labels);
    m_labels->setVisible(!labels.isEmpty());

    m_body->showMarkdown(pull.value(u"body"_s).toString(), tr("No description provided."));
    m_body->show();

    m_htmlUrl = QUrl(pull.value(u"html_url"_s).toString());
    m_open->setVisible(m_htmlUrl.isValid() && !m_htmlUrl.isEmpty());
    m_open->setToolTip(m_htmlUrl.toDisplayString());

    m_avatarUrl = QUrl(user.value(u"avatar_url"_s).toString());
    showPlaceholderAvatar();
    if (m_loader && m_avatarUrl.isValid()) {
        m_loader->request(m_avatarUrl, AuthorAvatarSize);
    }
}

void PullRequestView::setDateRow(QLabel *value, const QString &text)
{
    value->setText(text);
    m_dates->setRowVisible(value, !text.isEmpty());
}

void PullRequestView::onAvatarReady(const QUrl &url, const QPixmap &pixmap)
{
    if (url != m_avatarUrl || m_avatarUrl.isEmpty()) {
        return;
    }
    m_hasAvatar = true;
    m_avatar->setPixmap(AvatarLoader::shaped(pixmap, AuthorAvatarSize, true, devicePixelRatioF()));
}

void PullRequestView::showPlaceholderAvatar()
{
    if (m_hasAvatar) {
        return;
    }
    m_avatar->setPixmap(
        AvatarLoader::placeholder(m_author->text(), AuthorAvatarSize, palette(), devicePixelRatioF()));
}

void PullRequestView::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    m_title->setFont(title);
    QFont author = font();
    author.setBold(true);
    m_author->setFont(author);
    QFont badge = font();
    badge.setBold(true);
    m_stateBadge->setFont(badge);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_head->setFont(fixed);
    m_base->setFont(fixed);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_labels->setFont(small);
}

void PullRequestView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    } else if (event->type() == QEvent::PaletteChange && !m_hasAvatar) {
        showPlaceholderAvatar();
    }
}

} // namespace Hubshelf::Ui
