#include "models/history.h"

#include "github/endpoints.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Hubshelf::Models {

bool Location::operator==(const Location &other) const
{
    return target.kind == other.target.kind && target.text() == other.target.text() &&
           target.revision == other.target.revision && place == other.place && pullState == other.pullState;
}

QByteArray savedLocation(const Location &location)
{
    if (!location.target.isValid()) {
        return {};
    }
    QUrlQuery query;
    query.addQueryItem(u"target"_s, location.target.text());
    if (location.place) {
        query.addQueryItem(u"place"_s, placeName(*location.place));
    }
    if (!location.pullState.isEmpty()) {
        query.addQueryItem(u"state"_s, location.pullState);
    }
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

std::optional<Location> restoredLocation(const QByteArray &saved)
{
    const QUrlQuery query(QString::fromUtf8(saved));
    Location location;
    location.target = GitHub::parseTarget(query.queryItemValue(u"target"_s, QUrl::FullyDecoded));
    if (!location.target.isValid()) {
        return std::nullopt;
    }
    if (query.hasQueryItem(u"place"_s)) {
        location.place = placeNamed(query.queryItemValue(u"place"_s, QUrl::FullyDecoded));
        if (!location.place) {
            return std::nullopt;
        }
    }
    const QString state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    if (!state.isEmpty() && !GitHub::Endpoints::pullRequestStates().contains(state) &&
        state != GitHub::Endpoints::mergedPullState()) {
        return std::nullopt;
    }
    location.pullState = state;
    return location;
}

void History::visit(const Location &location)
{
    if (current() == location) {
        return;
    }
    m_stops.erase(m_stops.begin() + (m_current + 1), m_stops.end());
    m_stops.append(location);
    if (m_stops.size() > MaximumLength) {
        m_stops.removeFirst();
    }
    m_current = m_stops.size() - 1;
}

void History::replaceCurrent(const Location &location)
{
    if (m_current < 0) {
        visit(location);
        return;
    }
    m_stops[m_current] = location;
    // Typing the address of the stop just before, once its place is known, is that stop again.
    if (m_current > 0 && m_stops.at(m_current - 1) == location) {
        m_stops.remove(m_current);
        --m_current;
    }
}

Location History::goBack()
{
    Q_ASSERT(canGoBack());
    return m_stops.at(--m_current);
}

Location History::goForward()
{
    Q_ASSERT(canGoForward());
    return m_stops.at(++m_current);
}

std::optional<Location> History::current() const
{
    if (m_current < 0) {
        return std::nullopt;
    }
    return m_stops.at(m_current);
}

} // namespace Hubshelf::Models
