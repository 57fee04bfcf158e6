#pragma once

#include <QByteArray>
#include <QJsonArray>

namespace Hubshelf::Export {

// A JSON array written a few elements at a time, in exactly the bytes that
// QJsonDocument(whole).toJson(QJsonDocument::Indented) gives for the whole array, so that a list of
// any length is written page by page without ever being held whole.
class IndentedJsonArray final
{
public:
    // The next elements, with "[\n" before the first ones and the separators between.
    QByteArray append(const QJsonArray &elements);
    // What closes the array ("[\n]\n" when nothing was appended).
    QByteArray end() const;
    qsizetype count() const { return m_count; }

private:
    qsizetype m_count = 0;
};

} // namespace Hubshelf::Export
