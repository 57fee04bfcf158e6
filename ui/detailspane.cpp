#include "ui/detailspane.h"

#include "ui/gistview.h"
#include "ui/profilecard.h"
#include "ui/pullrequestview.h"
#include "ui/rowcard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

// A centred message on a page of its own, with `below` (when given) under it.
QWidget *messagePage(const QString &name, const QString &text, QWidget *parent, QWidget *below = nullptr)
{
    auto *page = new QWidget(parent);
    page->setObjectName(name);
    auto *label = new QLabel(text, page);
    label->setObjectName(name + u"Text"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAccessibleName(text);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    layout->addWidget(label);
    if (below) {
        layout->addWidget(below, 0, Qt::AlignHCenter);
    }
    layout->addStretch(1);
    return page;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QStackedWidget(parent)
    , m_profile(new ProfileCard(this))
    , m_gist(new GistView(this))
    , m_pull(new PullRequestView(this))
    , m_row(new RowCard(this))
{
    setObjectName(u"detailsPane"_s);
    setAccessibleName(tr("Details"));

    m_empty = messagePage(u"detailsEmpty"_s, tr("Select a row to see its details"), this);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"detailsBusy"_s);
    m_busy->setAccessibleName(tr("Loading the details"));
    m_busy->setRange(0, 0); // busy: the size of the answer is unknown
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(160);
    m_loading = messagePage(u"detailsLoading"_s, tr("Loading…"), this, m_busy);

    addWidget(m_empty);
    addWidget(m_loading);
    addWidget(m_profile);
    addWidget(m_gist);
    addWidget(m_pull);
    addWidget(m_row);
    setCurrentWidget(m_empty);
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::setAvatarLoader(Images::AvatarLoader *loader)
{
    m_profile->setAvatarLoader(loader);
    m_gist->setAvatarLoader(loader);
    m_pull->setAvatarLoader(loader);
}

void DetailsPane::showEmpty()
{
    setPage(m_empty);
}

void DetailsPane::showLoading()
{
    setPage(m_loading);
}

void DetailsPane::showAccount(const QJsonObject &account)
{
    m_profile->showAccount(account);
    setPage(m_profile);
}

void DetailsPane::showGist(const QJsonObject &gist, const QString &revision)
{
    m_gist->showGist(gist, revision);
    setPage(m_gist);
}

void DetailsPane::showPullRequest(const QJsonObject &pull)
{
    m_pull->showPullRequest(pull);
    setPage(m_pull);
}

void DetailsPane::showRow(const QAbstractItemModel &model, int row)
{
    m_row->showRow(model, row);
    setPage(m_row);
}

DetailsPane::Page DetailsPane::page() const
{
    const QWidget *current = currentWidget();
    if (current == m_loading) {
        return Page::Loading;
    }
    if (current == m_profile) {
        return Page::Account;
    }
    if (current == m_gist) {
        return Page::Gist;
    }
    if (current == m_pull) {
        return Page::PullRequest;
    }
    if (current == m_row) {
        return Page::Row;
    }
    return Page::Empty;
}

void DetailsPane::setPage(QWidget *widget)
{
    // The views that are not shown drop their content, so that stale details never flash back.
    if (widget != m_profile) {
        m_profile->clear();
    }
    if (widget != m_gist) {
        m_gist->clear();
    }
    if (widget != m_pull) {
        m_pull->clear();
    }
    if (widget != m_row) {
        m_row->clear();
    }
    const bool changed = currentWidget() != widget;
    setCurrentWidget(widget);
    if (changed) {
        Q_EMIT pageChanged(page());
    }
}

} // namespace Hubshelf::Ui
