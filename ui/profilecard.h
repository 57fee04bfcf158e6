#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QWidget>

class QBoxLayout;
class QFormLayout;
class QLabel;
class QScrollArea;

namespace Hubshelf::Images {
class AvatarLoader;
}

namespace Hubshelf::Ui {

namespace Widgets {
class AvatarLabel;
class ElidedLinkLabel;
class WebLinkButton;
} // namespace Widgets

// A user's or an organization's profile, from GET /users/{login} or GET /orgs/{org}: avatar, name
// and login, bio, where to find them, their counts and when they joined.
class ProfileCard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileCard)

public:
    static constexpr int AvatarSize = 96;

    explicit ProfileCard(QWidget *parent = nullptr);
    ~ProfileCard() override;

    // Not owned; without one the card shows a placeholder avatar.
    void setAvatarLoader(Images::AvatarLoader *loader);

    void showAccount(const QJsonObject &account);
    void clear();

    QJsonObject account() const { return m_account; }
    bool isOrganization() const;
    // The avatar arrived (as opposed to the placeholder).
    bool hasAvatar() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyFonts();
    void arrangeHeader();
    void setRow(QLabel *value, const QString &text);
    void setLinkRow(Widgets::ElidedLinkLabel *value, const QUrl &url, const QString &display);

    QJsonObject m_account;

    QScrollArea *m_scroll = nullptr;
    Widgets::AvatarLabel *m_avatar = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_login = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_bio = nullptr;
    QFormLayout *m_form = nullptr;
    QBoxLayout *m_header = nullptr; // avatar beside the name, or above it when the card is narrow
    QLabel *m_company = nullptr;
    QLabel *m_location = nullptr;
    Widgets::ElidedLinkLabel *m_blog = nullptr;
    Widgets::ElidedLinkLabel *m_email = nullptr;
    QLabel *m_joined = nullptr;
    QWidget *m_stats = nullptr;
    // Number and caption of each count, by the JSON field it shows.
    QHash<QString, QWidget *> m_tiles;
    Widgets::WebLinkButton *m_open = nullptr;
};

} // namespace Hubshelf::Ui
