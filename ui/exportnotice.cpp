#include "ui/exportnotice.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

ExportNotice::ExportNotice(QWidget *parent)
    : NoticeFrame(parent)
    , m_text(new QLabel(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_showFolder(new QPushButton(tr("Show in &Folder"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"exportNotice"_s);
    setAccessibleName(tr("Export finished"));

    m_text->setObjectName(u"exportNoticeText"_s);
    m_text->setTextFormat(Qt::PlainText); // a path is data
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    for (QPushButton *button : {m_open, m_showFolder}) {
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAutoDefault(false);
    }
    m_open->setObjectName(u"exportNoticeOpen"_s);
    m_open->setToolTip(tr("Open the file in the program your desktop uses for CSV"));
    m_showFolder->setObjectName(u"exportNoticeShowFolder"_s);
    m_showFolder->setToolTip(tr("Open the folder that holds the file"));
    m_close->setObjectName(u"exportNoticeClose"_s);
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::StrongFocus);
    m_close->setAccessibleName(tr("Close the message"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->setSpacing(8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_showFolder);
    layout->addWidget(m_close);

    connect(m_open, &QPushButton::clicked, this, [this] { open(m_path); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] { open(QFileInfo(m_path).absolutePath()); });
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
}

ExportNotice::~ExportNotice() = default;

void ExportNotice::showExported(const QString &path, int rows)
{
    m_path = path;
    const QString text = tr("Exported %Ln row(s) to %1.", nullptr, rows).arg(QDir::toNativeSeparators(path));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString ExportNotice::text() const
{
    return m_text->text();
}

// A file Hubshelf has just written, never a link from GitHub: QDesktopServices directly.
void ExportNotice::open(const QString &localPath)
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(localPath))) {
        m_text->setText(tr("No program opened %1.").arg(QDir::toNativeSeparators(localPath)));
    }
}

} // namespace Hubshelf::Ui
