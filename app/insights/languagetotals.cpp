#include "insights/languagetotals.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace Hubshelf::Insights {

namespace {

// A terabyte of one language in one repository is not a byte count; a million repositories of it
// still sum within 64 bits.
constexpr double MostBytes = 1e12;

} // namespace

bool LanguageTotals::add(const QJsonObject &languages)
{
    for (auto it = languages.constBegin(); it != languages.constEnd(); ++it) {
        const double bytes = it.value().toDouble(-1);
        if (!it.value().isDouble() || bytes < 0 || bytes > MostBytes || std::floor(bytes) != bytes ||
            it.key().trimmed().isEmpty()) {
            return false;
        }
    }
    for (auto it = languages.constBegin(); it != languages.constEnd(); ++it) {
        Total &total = m_totals[it.key()];
        const auto bytes = qint64(it.value().toDouble());
        total.bytes += bytes;
        ++total.repositories;
        m_totalBytes += bytes;
    }
    return true;
}

QList<LanguageShare> LanguageTotals::shares() const
{
    QList<LanguageShare> shares;
    shares.reserve(m_totals.size());
    for (auto it = m_totals.constBegin(); it != m_totals.constEnd(); ++it) {
        const double share = m_totalBytes > 0 ? double(it->bytes) / double(m_totalBytes) : 0;
        shares.append({it.key(), it->bytes, share, it->repositories});
    }
    std::sort(shares.begin(), shares.end(), [](const LanguageShare &a, const LanguageShare &b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.language < b.language;
    });
    return shares;
}

} // namespace Hubshelf::Insights
