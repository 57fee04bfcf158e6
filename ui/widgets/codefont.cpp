#include "widgets/codefont.h"

#include <QFontDatabase>
#include <QFontInfo>
#include <QStringList>

namespace Hubshelf::Ui::Widgets {

QFont codeFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (QFontInfo(font).fixedPitch()) {
        return font;
    }
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    const QStringList families = QFontDatabase::families(QFontDatabase::Latin);
    for (const QString &family : families) {
        if (QFontDatabase::isFixedPitch(family) && !QFontDatabase::isPrivateFamily(family)) {
            font.setFamily(family);
            break;
        }
    }
    return font;
}

} // namespace Hubshelf::Ui::Widgets
