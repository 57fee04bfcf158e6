#pragma once

#include "insights/contributorhistory.h"
#include "insights/languagetotals.h"

#include <QByteArray>
#include <QList>

// The series as the command line writes them, the window exports them and `serve` answers them:
// one shape everywhere.
namespace Hubshelf::Insights::Tables {

// month,new_contributors,total_contributors (RFC 4180, CRLF).
QByteArray contributorsCsv(const QList<MonthOfNewcomers> &months);
// [{"month": "2019-03", "new_contributors": 2, "total_contributors": 5}, ...]
QByteArray contributorsJson(const QList<MonthOfNewcomers> &months, bool compact = false);
// language,bytes,share,repositories, largest first; the share with four decimals (0.2500).
QByteArray languagesCsv(const QList<LanguageShare> &languages);
QByteArray languagesJson(const QList<LanguageShare> &languages, bool compact = false);

} // namespace Hubshelf::Insights::Tables
