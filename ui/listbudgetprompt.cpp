#include "ui/listbudgetprompt.h"

#include "github/error.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

QPushButton *button(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *pushButton = new QPushButton(text, parent);
    pushButton->setObjectName(objectName);
    pushButton->setFocusPolicy(Qt::StrongFocus);
    pushButton->setAutoDefault(false);
    return pushButton;
}

} // namespace

ListBudgetPrompt::ListBudgetPrompt(QWidget *parent)
    : NoticeFrame(parent)
    , m_text(new QLabel(this))
    , m_all(button(u"budgetLoadAll"_s, tr("Load all"), this))
    , m_some(button(u"budgetLoadSome"_s, tr("Load %L1 pages").arg(SomePages), this))
    , m_signIn(button(u"budgetSignIn"_s,
                      tr("Sign in for %L1 an hour").arg(GitHub::RateLimit::SignedInPerHour), this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"budgetPrompt"_s);
    setAccessibleName(tr("Rate limit question"));

    m_text->setObjectName(u"budgetPromptText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_all->setToolTip(tr("Fetch every page of the list"));
    m_some->setToolTip(tr("Fetch the next %L1 pages, then ask again").arg(SomePages));
    m_signIn->setToolTip(tr("Sign in with a token: GitHub then allows %L1 requests an hour")
                             .arg(GitHub::RateLimit::SignedInPerHour));
    m_close->setObjectName(u"budgetPromptClose"_s);
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::StrongFocus);
    m_close->setAccessibleName(tr("Keep the rows so far"));
    m_close->setToolTip(tr("Keep the rows so far; Continue loads the rest later (Esc)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_all);
    layout->addWidget(m_some);
    layout->addWidget(m_signIn);
    layout->addWidget(m_close);

    connect(m_all, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT loadAll();
    });
    connect(m_some, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT loadSome(SomePages);
    });
    connect(m_signIn, &QPushButton::clicked, this, &ListBudgetPrompt::signInRequested);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
}

ListBudgetPrompt::~ListBudgetPrompt() = default;

void ListBudgetPrompt::ask(int pagesDone, int pageCount, const GitHub::RateLimit &limit, bool signedIn,
                           const QDateTime &now)
{
    const QString pages = tr("This list has %Ln page(s)", nullptr, pageCount);
    const QString text =
        limit.isCurrent(now)
            ? tr("%1; %Ln request(s) are left until %2.", nullptr, limit.remaining)
                  .arg(pages, GitHub::Error::timeOfDay(limit.reset, now))
            : tr("%1; GitHub allows %Ln request(s) an hour.", nullptr, limit.leftAt(now, signedIn))
                  .arg(pages);
    m_text->setText(text);
    setAccessibleDescription(text);
    m_some->setVisible(pageCount - pagesDone > SomePages);
    m_signIn->setVisible(!signedIn);
    show();
    // Where the eyes and the keys go: the decision is one keypress away, and Esc declines.
    m_all->setFocus(Qt::OtherFocusReason);
}

QString ListBudgetPrompt::text() const
{
    return m_text->text();
}

} // namespace Hubshelf::Ui
