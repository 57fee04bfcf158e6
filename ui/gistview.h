#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabBar;
class QTextDocument;
class QToolButton;

namespace Hubshelf::Images {
class AvatarLoader;
}
namespace Hubshelf::Models {
class GistStar;
}

namespace Hubshelf::Ui {

namespace Widgets {
class AvatarLabel;
}

class CodeView;
class MarkdownView;

// One gist from GET /gists/{id}: its description, owner, visibility and dates, a tab per file, and
// the selected file: Markdown rendered (with its source a click away), anything else as code with
// its language's colours and line numbers, wrapped on demand. Copy and Open raw act on the selected
// file.
class GistView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GistView)

public:
    static constexpr int OwnerAvatarSize = 20;

    explicit GistView(QWidget *parent = nullptr);
    ~GistView() override;

    // Not owned; without one the owner has a placeholder avatar.
    void setAvatarLoader(Images::AvatarLoader *loader);
    // Not owned; with one the header has a Star button for the gist shown.
    void setStar(Models::GistStar *star);
    QToolButton *starButton() const { return m_star; }

    // `revision`: the gist as it was at that revision (GET /gists/{id}/{sha}); empty: as it is.
    void showGist(const QJsonObject &gist, const QString &revision = {});
    void clear();

    QJsonObject gist() const { return m_gist; }
    QStringList fileNames() const { return m_fileNames; }
    QString currentFileName() const;
    // Selects a file by name; false when the gist has no such file.
    bool selectFile(const QString &fileName);

    static bool isMarkdownFile(const QJsonObject &file);
    // The selected file is Markdown and is shown rendered (not its source).
    bool isShowingRenderedMarkdown() const;
    // For a Markdown file: its source instead of the rendering.
    void setShowSource(bool source);
    bool isShowingSource() const;

    // The rendered Markdown, and the text of the code view (code, or Markdown source).
    const QTextDocument *renderedDocument() const;
    QString plainText() const;
    CodeView *codeView() const { return m_plain; }
    // Long lines wrap in the code view (remembered for the session; Markdown source always wraps).
    void setWrapped(bool wrapped);
    // The selected file's content as GitHub sent it (what Copy copies); empty when absent.
    QString currentContent() const;
    // The note about a partial or absent file; empty when there is none.
    QString noteText() const;
    QUrl currentRawUrl() const;
    // The owner's avatar arrived (as opposed to the placeholder).
    bool hasAvatar() const;

    // The selected file's content to the clipboard.
    void copyCurrentFile();
    // The selected file's raw_url in the browser.
    void openRaw();

Q_SIGNALS:
    void currentFileChanged(const QString &fileName);
    // The owner's name was clicked (or activated by keyboard): their profile, in Hubshelf.
    void ownerActivated(const QString &login);
    // A star or unstar failed: one sentence that says why.
    void starFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showFile(int index);
    void updateStar();
    void updateView();
    void applyFonts();
    QJsonObject currentFile() const;

    QJsonObject m_gist;
    QStringList m_fileNames;

    QLabel *m_title = nullptr;
    Widgets::AvatarLabel *m_avatar = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_meta = nullptr;
    QTabBar *m_tabs = nullptr;
    QLabel *m_fileInfo = nullptr;
    QToolButton *m_source = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_openRaw = nullptr;
    QToolButton *m_wrap = nullptr;
    QToolButton *m_star = nullptr;
    Models::GistStar *m_starModel = nullptr;
    QWidget *m_note = nullptr;
    QLabel *m_noteIcon = nullptr;
    QLabel *m_noteText = nullptr;
    QStackedWidget *m_stack = nullptr;
    MarkdownView *m_markdown = nullptr;
    CodeView *m_plain = nullptr;
};

} // namespace Hubshelf::Ui
