#include "ui/pullrequestview.h"

#include "images/avatarloader.h"
#include "ui/markdownview.h"
#include "widgets/avatarlabel.h"
#include "widgets/chip.h"
#include "widgets/codefont.h"
#include "widgets/labelflow.h"
#include "widgets/weblinkbutton.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonValue>
#include <QLabel>
#include <QList>
#include <QLocale>
#include <QPair>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

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

    m_stateBadge = new Widgets::Chip(this);
    m_stateBadge->setObjectName(u"pullState"_s);
    m_stateBadge->setAccessibleName(tr("State"));

    m_avatar = new Widgets::AvatarLabel(AuthorAvatarSize, this);
    m_avatar->setObjectName(u"pullAuthorAvatar"_s);
    m_avatar->setAccessibleName(tr("Author's avatar"));
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
        auto *chip = new Widgets::Chip(this);
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

    m_labels = new Widgets::LabelFlow(this);
    m_labels->setObjectName(u"pullLabels"_s);
    m_labels->setAccessibleName(tr("Labels"));

    m_body = new MarkdownView(this);
    m_body->setObjectName(u"pullBody"_s);
    m_body->setAccessibleName(tr("Description"));
    m_body->setFrameShape(QFrame::StyledPanel);
    m_body->setMinimumHeight(120);

    m_open = new Widgets::WebLinkButton(tr("Open on GitHub"), this);
    m_open->setObjectName(u"pullOpenOnGitHub"_s);
    m_open->setAccessibleName(tr("Open the pull request on GitHub"));

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
    layout->addWidget(m_open, 0, Qt::AlignLeft);

    setTabOrder(m_title, m_body);
    setTabOrder(m_body, m_open);

    applyFonts();
    clear();
}

PullRequestView::~PullRequestView() = default;

void PullRequestView::setAvatarLoader(Images::AvatarLoader *loader)
{
    m_avatar->setLoader(loader);
}

bool PullRequestView::hasAvatar() const
{
    return m_avatar->hasAvatar();
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
    return m_labels->names();
}

const QTextDocument *PullRequestView::bodyDocument() const
{
    return m_body->document();
}

void PullRequestView::clear()
{
    m_pull = {};
    m_state = State::None;
    m_title->clear();
    m_stateBadge->clear();
    m_stateBadge->hide();
    m_author->clear();
    m_avatar->setAvatar({}, {});
    m_avatar->hide();
    m_head->clear();
    m_base->clear();
    for (QWidget *branch : std::initializer_list<QWidget *>{m_head, m_base, m_arrow}) {
        branch->hide();
    }
    for (QLabel *date : {m_created, m_updated, m_closed, m_merged}) {
        setDateRow(date, {});
    }
    m_labels->setLabels({});
    m_labels->hide();
    m_body->showMarkdown({});
    m_body->hide();
    m_open->setUrl({});
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
    m_stateBadge->setFill(stateColour(m_state));
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

    QList<Widgets::LabelFlow::Label> labels;
    const QJsonArray labelArray = pull.value(u"labels"_s).toArray();
    for (const QJsonValue &value : labelArray) {
        const QJsonObject label = value.toObject();
        const QColor colour = QColor::fromString(QString(u'#' + label.value(u"color"_s).toString()));
        labels.append(
            {label.value(u"name"_s).toString(), colour.isValid() ? colour : QColor(0x6e, 0x77, 0x81)});
    }
    m_labels->setLabels(labels);
    m_labels->setVisible(!labels.isEmpty());

    m_body->showMarkdown(pull.value(u"body"_s).toString(), tr("No description provided."));
    m_body->show();

    m_open->setUrl(QUrl(pull.value(u"html_url"_s).toString()));

    m_avatar->setAvatar(QUrl(user.value(u"avatar_url"_s).toString()), m_author->text());
}

void PullRequestView::setDateRow(QLabel *value, const QString &text)
{
    value->setText(text);
    m_dates->setRowVisible(value, !text.isEmpty());
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
    const QFont fixed = Widgets::codeFont();
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
    }
}

} // namespace Hubshelf::Ui
