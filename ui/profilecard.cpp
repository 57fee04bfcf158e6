#include "ui/profilecard.h"

#include "github/endpoints.h"
#include "images/avatarloader.h"
#include "widgets/avatarlabel.h"
#include "widgets/elidedlinklabel.h"
#include "widgets/flowlayout.h"
#include "widgets/openurl.h"
#include "widgets/weblinkbutton.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

QString stringOf(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().trimmed();
}

// A blog field is often typed without a scheme ("example.com").
QUrl webUrl(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QUrl url = QUrl::fromUserInput(text);
    if (url.scheme() == u"http"_s && !text.startsWith(u"http:"_s, Qt::CaseInsensitive)) {
        url.setScheme(u"https"_s);
    }
    return GitHub::Endpoints::isWebUrl(url) ? url : QUrl();
}

// "Joined Monday, 14 January 2008" says more than anybody asked: the locale's long date without
// the weekday.
QString longDate(const QDate &date)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(u"\\bdddd\\b[,.]?\\s*"_s));
    return locale.toString(date, format.trimmed());
}

QString withoutScheme(const QUrl &url)
{
    QString text = url.toDisplayString(QUrl::RemoveScheme | QUrl::StripTrailingSlash);
    while (text.startsWith(u'/')) {
        text.remove(0, 1);
    }
    return text;
}

struct Count
{
    const char *field;
    const char *caption;
};

// The counts a profile may carry, in GitHub's own order.
const Count Counts[] = {
    {"public_repos", QT_TRANSLATE_NOOP("Hubshelf::Ui::ProfileCard", "Repositories")},
    {"public_gists", QT_TRANSLATE_NOOP("Hubshelf::Ui::ProfileCard", "Gists")},
    {"followers", QT_TRANSLATE_NOOP("Hubshelf::Ui::ProfileCard", "Followers")},
    {"following", QT_TRANSLATE_NOOP("Hubshelf::Ui::ProfileCard", "Following")},
};

} // namespace

ProfileCard::ProfileCard(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
{
    setObjectName(u"profileCard"_s);
    setAccessibleName(tr("Profile"));

    auto *content = new QWidget(m_scroll);
    content->setObjectName(u"profileContent"_s);
    content->setBackgroundRole(QPalette::Window);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    const auto makeLabel = [content](const QString &name, const QString &accessible) {
        auto *label = new QLabel(content);
        label->setObjectName(name);
        label->setAccessibleName(accessible);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };

    m_avatar = new Widgets::AvatarLabel(AvatarSize, content);
    m_avatar->setObjectName(u"profileAvatar"_s);
    m_avatar->setAccessibleName(tr("Avatar"));

    m_name = makeLabel(u"profileName"_s, tr("Name"));
    // The name is the card's heading: a Tab stop, so that it can be selected and read out.
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_login = makeLabel(u"profileLogin"_s, tr("Login"));
    m_login->setForegroundRole(QPalette::PlaceholderText);
    m_type = makeLabel(u"profileType"_s, tr("Account type"));
    m_type->setForegroundRole(QPalette::PlaceholderText);
    m_bio = makeLabel(u"profileBio"_s, tr("Bio"));
    m_bio->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *identity = new QVBoxLayout;
    identity->setSpacing(2);
    identity->addStretch(1);
    identity->addWidget(m_name);
    identity->addWidget(m_login);
    identity->addSpacing(4);
    identity->addWidget(m_type);
    identity->addStretch(1);

    m_header = new QBoxLayout(QBoxLayout::LeftToRight);
    m_header->setSpacing(16);
    m_header->addWidget(m_avatar, 0, Qt::AlignTop | Qt::AlignLeft);
    m_header->addLayout(identity, 1);

    m_company = makeLabel(u"profileCompany"_s, tr("Company"));
    m_location = makeLabel(u"profileLocation"_s, tr("Location"));
    m_blog = new Widgets::ElidedLinkLabel(content);
    m_blog->setObjectName(u"profileBlog"_s);
    m_blog->setAccessibleName(tr("Website"));
    m_email = new Widgets::ElidedLinkLabel(content);
    m_email->setObjectName(u"profileEmail"_s);
    m_email->setAccessibleName(tr("Email"));
    m_joined = makeLabel(u"profileJoined"_s, tr("Joined"));
    // The website goes to the browser; the e-mail address, and only it, to the mail program.
    connect(m_blog, &QLabel::linkActivated, this,
            [](const QString &link) { Widgets::openWebUrl(QUrl(link)); });
    connect(m_email, &QLabel::linkActivated, this,
            [](const QString &link) { Widgets::openMailtoUrl(QUrl(link)); });

    m_form = new QFormLayout;
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(8);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    const auto addRow = [this, content](const QString &caption, QLabel *value) {
        auto *label = new QLabel(caption, content);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setBuddy(value);
        m_form->addRow(label, value);
    };
    addRow(tr("Company"), m_company);
    addRow(tr("Location"), m_location);
    addRow(tr("Website"), m_blog);
    addRow(tr("Email"), m_email);
    addRow(tr("Joined"), m_joined);

    m_stats = new QWidget(content);
    m_stats->setObjectName(u"profileCounts"_s);
    // The counts flow onto a second line in a narrow pane rather than reach past its edge.
    auto *statsLayout = new Widgets::FlowLayout(m_stats, 24, 8);
    for (const Count &count : Counts) {
        const QString field = QString::fromLatin1(count.field);
        auto *tile = new QWidget(m_stats);
        tile->setObjectName(u"profileCount_"_s + field);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(0, 0, 0, 0);
        tileLayout->setSpacing(0);
        auto *number = new QLabel(tile);
        number->setObjectName(u"number"_s);
        number->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *caption = new QLabel(tr(count.caption), tile);
        caption->setObjectName(u"caption"_s);
        caption->setForegroundRole(QPalette::PlaceholderText);
        tileLayout->addWidget(number);
        tileLayout->addWidget(caption);
        statsLayout->addWidget(tile);
        m_tiles.insert(field, tile);
    }

    m_open = new Widgets::WebLinkButton(tr("Open on GitHub"), content);
    m_open->setObjectName(u"profileOpenOnGitHub"_s);
    m_open->setAccessibleName(tr("Open the profile on GitHub"));

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(16);
    layout->addLayout(m_header);
    layout->addWidget(m_bio);
    layout->addWidget(m_stats);
    layout->addLayout(m_form);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    layout->addStretch(1);

    setTabOrder(m_name, m_bio);
    setTabOrder(m_bio, m_blog);
    setTabOrder(m_blog, m_email);
    setTabOrder(m_email, m_open);

    applyFonts();
    clear();
}

ProfileCard::~ProfileCard() = default;

void ProfileCard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeHeader();
}

void ProfileCard::arrangeHeader()
{
    // Beside the avatar the name needs its natural width; in a narrower card it goes below it
    // rather than past the right edge.
    const QMargins margins = m_scroll->widget()->layout()->contentsMargins();
    const int besideWidth =
        margins.left() + AvatarSize + m_header->spacing() + m_name->sizeHint().width() + margins.right();
    const auto direction =
        m_scroll->viewport()->width() < besideWidth ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
    if (m_header->direction() != direction) {
        m_header->setDirection(direction);
    }
}

void ProfileCard::setAvatarLoader(Images::AvatarLoader *loader)
{
    m_avatar->setLoader(loader);
}

bool ProfileCard::hasAvatar() const
{
    return m_avatar->hasAvatar();
}

bool ProfileCard::isOrganization() const
{
    return m_account.value(u"type"_s).toString() == u"Organization"_s;
}

void ProfileCard::clear()
{
    m_account = {};
    m_name->clear();
    m_login->clear();
    m_type->clear();
    m_bio->hide();
    for (QLabel *value : {m_company, m_location, m_joined}) {
        setRow(value, {});
    }
    setLinkRow(m_blog, {}, {});
    setLinkRow(m_email, {}, {});
    m_stats->hide();
    m_open->setUrl({});
    m_avatar->setAvatar({}, {});
}

void ProfileCard::showAccount(const QJsonObject &account)
{
    clear();
    m_account = account;

    const QString login = stringOf(account, u"login"_s);
    const QString name = stringOf(account, u"name"_s);
    m_name->setText(name.isEmpty() ? login : name);
    m_login->setText(login);
    m_login->setVisible(!name.isEmpty() && name != login);
    m_type->setText(isOrganization() ? tr("Organization") : tr("User"));

    // Users have a bio, organizations a description.
    QString bio = stringOf(account, u"bio"_s);
    if (bio.isEmpty()) {
        bio = stringOf(account, u"description"_s);
    }
    m_bio->setText(bio);
    m_bio->setVisible(!bio.isEmpty());

    setRow(m_company, stringOf(account, u"company"_s));
    setRow(m_location, stringOf(account, u"location"_s));
    const QUrl blog = webUrl(stringOf(account, u"blog"_s));
    setLinkRow(m_blog, blog, withoutScheme(blog));
    const QString email = stringOf(account, u"email"_s);
    QUrl mailto;
    if (!email.isEmpty()) {
        mailto.setScheme(u"mailto"_s);
        mailto.setPath(email);
    }
    setLinkRow(m_email, mailto, email);
    const QDateTime created = QDateTime::fromString(stringOf(account, u"created_at"_s), Qt::ISODate);
    setRow(m_joined, created.isValid() ? longDate(created.toLocalTime().date()) : QString());
    m_joined->setToolTip(created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::LongFormat)
                                           : QString());

    bool anyCount = false;
    for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it) {
        const QJsonValue value = account.value(it.key());
        const bool present = value.isDouble();
        it.value()->setVisible(present);
        if (present) {
            anyCount = true;
            const auto *caption = it.value()->findChild<QLabel *>(u"caption"_s);
            it.value()->findChild<QLabel *>(u"number"_s)->setText(QLocale().toString(value.toInteger()));
            it.value()->setAccessibleName(
                QString(QLocale().toString(value.toInteger()) + u' ' + caption->text()));
        }
    }
    m_stats->setVisible(anyCount);

    m_open->setUrl(webUrl(stringOf(account, u"html_url"_s)));

    // GitHub shows people round and organizations square.
    m_avatar->setAvatar(QUrl(stringOf(account, u"avatar_url"_s)), account.value(u"login"_s).toString(),
                        isOrganization() ? Widgets::AvatarLabel::Shape::RoundedSquare
                                         : Widgets::AvatarLabel::Shape::Circle);
    arrangeHeader(); // a longer name may no longer fit beside the avatar
}

void ProfileCard::setRow(QLabel *value, const QString &text)
{
    value->setText(text);
    m_form->setRowVisible(value, !text.isEmpty());
}

void ProfileCard::setLinkRow(Widgets::ElidedLinkLabel *value, const QUrl &url, const QString &display)
{
    value->setLink(url, display);
    m_form->setRowVisible(value, url.isValid() && !display.isEmpty());
}

void ProfileCard::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_name->setFont(title);
    QFont login = font();
    login.setPointSizeF(login.pointSizeF() * 1.15);
    m_login->setFont(login);
    QFont number = font();
    number.setPointSizeF(number.pointSizeF() * 1.3);
    number.setBold(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    for (QWidget *tile : std::as_const(m_tiles)) {
        tile->findChild<QLabel *>(u"number"_s)->setFont(number);
        tile->findChild<QLabel *>(u"caption"_s)->setFont(small);
    }
}

void ProfileCard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    }
}

} // namespace Hubshelf::Ui
