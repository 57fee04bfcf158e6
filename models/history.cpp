#include "models/history.h"

namespace Hubshelf::Models {

bool Location::operator==(const Location &other) const
{
    return target.kind == other.target.kind && target.text() == other.target.text() && place == other.place &&
           pullState == other.pullState;
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
