#include "insights/insightstables.h"

#include "export/csvwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Hubshelf::Insights::Tables {

namespace {

QString shareText(double share)
{
    return QString::number(share, 'f', 4);
}

QByteArray jsonText(const QJsonArray &array, bool compact)
{
    return QJsonDocument(array).toJson(compact ? QJsonDocument::Compact : QJsonDocument::Indented);
}

} // namespace

QByteArray contributorsCsv(const QList<MonthOfNewcomers> &months)
{
    // No formula guard needed: every field is a month or a number that Hubshelf wrote.
    QByteArray csv = Export::csvRecord({u"month"_s, u"new_contributors"_s, u"total_contributors"_s}, false);
    for (const MonthOfNewcomers &month : months) {
        csv += Export::csvRecord(
            {month.month, QString::number(month.newContributors), QString::number(month.totalContributors)},
            false);
    }
    return csv;
}

QByteArray contributorsJson(const QList<MonthOfNewcomers> &months, bool compact)
{
    QJsonArray array;
    for (const MonthOfNewcomers &month : months) {
        array.append(QJsonObject{{u"month"_s, month.month},
                                 {u"new_contributors"_s, month.newContributors},
                                 {u"total_contributors"_s, month.totalContributors}});
    }
    return jsonText(array, compact);
}

QByteArray languagesCsv(const QList<LanguageShare> &languages)
{
    // Language names come from GitHub: the formula guard stays on for them.
    QByteArray csv = Export::csvRecord({u"language"_s, u"bytes"_s, u"share"_s, u"repositories"_s}, true);
    for (const LanguageShare &language : languages) {
        csv += Export::csvRecord({language.language, QString::number(language.bytes),
                                  shareText(language.share), QString::number(language.repositories)},
                                 true);
    }
    return csv;
}

QByteArray languagesJson(const QList<LanguageShare> &languages, bool compact)
{
    QJsonArray array;
    for (const LanguageShare &language : languages) {
        array.append(QJsonObject{{u"language"_s, language.language},
                                 {u"bytes"_s, QJsonValue(language.bytes)},
                                 {u"share"_s, std::round(language.share * 10000) / 10000},
                                 {u"repositories"_s, language.repositories}});
    }
    return jsonText(array, compact);
}

} // namespace Hubshelf::Insights::Tables
