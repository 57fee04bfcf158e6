#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QFormLayout;
class QLabel;
class QTextDocument;

namespace Hubshelf::Images {
class AvatarLoader;
}

namespace Hubshelf::Ui {

namespace Widgets {
class AvatarLabel;
class Chip;
class LabelFlow;
class WebLinkButton;
} // namespace Widgets

class MarkdownView;

// One pull request (an item of GET /repos/{o}/{r}/pulls or GET /repos/{o}/{r}/pulls/{n}): number and
// title, its state, author, branches, dates, labels and the description rendered as Markdown.
class PullRequestView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullRequestView)

public:
    enum class State { None, Open, Draft, Merged, Closed };
    Q_ENUM(State)

    static constexpr int AuthorAvatarSize = 20;

    explicit PullRequestView(QWidget *parent = nullptr);
    ~PullRequestView() override;

    // Not owned; without one the author has a placeholder avatar.
    void setAvatarLoader(Images::AvatarLoader *loader);

    void showPullRequest(const QJsonObject &pull);
    void clear();

    QJsonObject pullRequest() const { return m_pull; }
    // Merged wins over closed (merged_at is set), draft over open.
    static State stateOf(const QJsonObject &pull);
    State state() const { return m_state; }
    QString stateText() const;
    QString title() const;
    QString headBranch() const;
    QString baseBranch() const;
    QStringList labelNames() const;
    const QTextDocument *bodyDocument() const;
    // The author's avatar arrived (as opposed to the placeholder).
    bool hasAvatar() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();
    void setDateRow(QLabel *value, const QString &text);

    QJsonObject m_pull;
    State m_state = State::None;

    QLabel *m_title = nullptr;
    Widgets::Chip *m_stateBadge = nullptr;
    Widgets::AvatarLabel *m_avatar = nullptr;
    QLabel *m_author = nullptr;
    Widgets::Chip *m_head = nullptr;
    Widgets::Chip *m_base = nullptr;
    QLabel *m_arrow = nullptr;
    QFormLayout *m_dates = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_closed = nullptr;
    QLabel *m_merged = nullptr;
    Widgets::LabelFlow *m_labels = nullptr;
    MarkdownView *m_body = nullptr;
    Widgets::WebLinkButton *m_open = nullptr;
};

} // namespace Hubshelf::Ui
