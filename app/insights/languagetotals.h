#pragma once

#include <QHash>
#include <QList>
#include <QString>

class QJsonObject;

namespace Hubshelf::Insights {

struct LanguageShare
{
    QString language;
    qint64 bytes = 0;
    double share = 0; // of all bytes, 0 … 1
    int repositories = 0;
};

// Languages by bytes over an owner's repositories, from GitHub's /languages answers
// ({"C++": 123456, ...}).
class LanguageTotals final
{
public:
    // False, with nothing taken, when `languages` is not a map of names to byte counts.
    bool add(const QJsonObject &languages);

    // Largest first (ties by name).
    QList<LanguageShare> shares() const;
    qint64 totalBytes() const { return m_totalBytes; }

private:
    struct Total
    {
        qint64 bytes = 0;
        int repositories = 0;
    };
    QHash<QString, Total> m_totals;
    qint64 m_totalBytes = 0;
};

} // namespace Hubshelf::Insights
