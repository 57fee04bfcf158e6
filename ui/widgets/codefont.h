#pragma once

#include <QFont>

namespace Hubshelf::Ui::Widgets {

// The font for code and branch names: the desktop's fixed font when it really is fixed-pitch.
// fontconfig may resolve "monospace" to a family that is not (Noto Sans Mono has double-width
// glyphs, so QFontInfo says no); then the first fixed-pitch family installed, at the same size.
QFont codeFont();

} // namespace Hubshelf::Ui::Widgets
