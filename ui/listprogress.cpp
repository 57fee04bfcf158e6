#include "ui/listprogress.h"

#include "models/githublistmodel.h"
#include "models/listloader.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

ListProgress::ListProgress(Models::ListLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_bar(new QProgressBar(this))
    , m_stop(new QToolButton(this))
    , m_continue(new QToolButton(this))
{
    m_bar->setObjectName(u"listProgress"_s);
    m_bar->setAccessibleName(tr("Loading progress"));
    m_bar->setToolTip(tr("Pages of the list received so far"));
    m_bar->setTextVisible(true);
    m_bar->setFixedWidth(fontMetrics().horizontalAdvance(tr("page %1 of %2").arg(u"888"_s, u"888"_s)) +
                         fontMetrics().horizontalAdvance(u'M') * 4);

    m_stop->setObjectName(u"listStop"_s);
    m_stop->setAccessibleName(tr("Stop loading"));
    m_stop->setToolTip(tr("Stop loading the list; the rows so far stay (Esc)"));
    m_stop->setText(tr("Stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setAutoRaise(true);

    m_continue->setObjectName(u"listContinue"_s);
    m_continue->setAccessibleName(tr("Continue loading"));
    m_continue->setToolTip(tr("Fetch the pages of the list that are still missing"));
    m_continue->setText(tr("Continue"));
    m_continue->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_continue->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_continue->setAutoRaise(true);
    m_continue->setFocusPolicy(Qt::StrongFocus);

    // The spacing of the bar it sits in, so that it looks like two of that bar's own widgets.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_bar);
    layout->addWidget(m_stop);
    layout->addWidget(m_continue);
    setVisible(false);

    connect(m_stop, &QToolButton::clicked, m_loader, &Models::ListLoader::stop);
    connect(m_continue, &QToolButton::clicked, m_loader, [this] { m_loader->continueLoading(); });
    connect(m_loader, &Models::ListLoader::progress, this, &ListProgress::showPage);
    // A load begins or ends, or the list goes (clear() ends a load without a word).
    for (const auto signal : {&Models::ListLoader::started, &Models::ListLoader::finished,
                              &Models::ListLoader::stopped, &Models::ListLoader::held}) {
        connect(m_loader, signal, this, &ListProgress::showState);
    }
    connect(m_loader, &Models::ListLoader::failed, this, &ListProgress::showState);
    connect(m_loader, &Models::ListLoader::modelChanged, this, &ListProgress::showState);
}

ListProgress::~ListProgress() = default;

void ListProgress::showState()
{
    if (m_loader->isLoading() && m_loader->pagesDone() == 0) {
        m_bar->setRange(0, 0);
        m_bar->setValue(0);
        m_bar->setFormat(tr("loading"));
    }
    const bool loading = m_loader->isLoading();
    const bool canContinue = m_loader->canContinue();
    m_bar->setVisible(loading);
    m_stop->setVisible(loading);
    m_continue->setVisible(canContinue);
    setVisible(loading || canContinue);
}

void ListProgress::showPage(int done, int total)
{
    // Cursor pagination: the end is unknown, so the bar only shows that pages keep coming.
    m_bar->setRange(0, total > 0 ? total : done + 1);
    m_bar->setValue(done);
    m_bar->setFormat(total > 0 ? tr("page %1 of %2").arg(QLocale().toString(done), QLocale().toString(total))
                               : tr("page %1").arg(QLocale().toString(done)));
}

} // namespace Hubshelf::Ui
