#include "export/indentedjsonarray.h"

#include <QJsonDocument>

namespace Hubshelf::Export {

namespace {

// An element as QJsonDocument writes it inside an indented array: its own one-element array,
// without the brackets' lines, so that the element's indentation is Qt's own.
QByteArray indentedElement(const QJsonValue &element)
{
    static const QByteArray opening = "[\n";
    static const QByteArray closing = "\n]\n";
    const QByteArray wrapped = QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Indented);
    return wrapped.mid(opening.size(), wrapped.size() - opening.size() - closing.size());
}

} // namespace

QByteArray IndentedJsonArray::append(const QJsonArray &elements)
{
    QByteArray bytes;
    for (const QJsonValue &element : elements) {
        bytes += m_count == 0 ? QByteArrayLiteral("[\n") : QByteArrayLiteral(",\n");
        bytes += indentedElement(element);
        ++m_count;
    }
    return bytes;
}

QByteArray IndentedJsonArray::end() const
{
    return m_count == 0 ? QByteArrayLiteral("[\n]\n") : QByteArrayLiteral("\n]\n");
}

} // namespace Hubshelf::Export
