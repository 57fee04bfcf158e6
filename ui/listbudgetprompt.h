#pragma once

#include "github/ratelimittracker.h"
#include "widgets/noticeframe.h"

class QLabel;
class QPushButton;
class QToolButton;

namespace Hubshelf::Ui {

// Asks before a list spends the rate limit: "This list has 50 pages; 58 requests are left until
// 14:31." with Load all, Load 10 pages and, without a token, Sign in. Sits above the rows of a list
// whose loader held; closing it (Esc) leaves the rows so far and the list's Continue.
class ListBudgetPrompt final : public Widgets::NoticeFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListBudgetPrompt)

public:
    // A few pages at a time: a tenth of an anonymous hour, a look further down a long list.
    static constexpr int SomePages = 10;

    explicit ListBudgetPrompt(QWidget *parent = nullptr);
    ~ListBudgetPrompt() override;

    // `pagesDone` of `pageCount` pages are in; `limit` is what the rest would be spent from, as
    // last seen (unknown: the hour's allowance, signed in or not), at `now`.
    void ask(int pagesDone, int pageCount, const GitHub::RateLimit &limit, bool signedIn,
             const QDateTime &now);
    QString text() const;

Q_SIGNALS:
    void loadAll();
    void loadSome(int pages);
    void signInRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_all = nullptr;
    QPushButton *m_some = nullptr;
    QPushButton *m_signIn = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Hubshelf::Ui
