#pragma once

#include "github/target.h"
#include "models/places.h"

#include <QList>

#include <optional>

namespace Hubshelf::Models {

// One stop in the window's history: a target and the place shown in it.
struct Location
{
    GitHub::Target target;
    std::optional<Place> place; // none: the target's default, once its owner kind is known
    QString pullState;          // pull requests: "open", "closed" or "all"; empty: open
    // How the list was left, for Back and Forward to show it so again (not part of equality): the
    // chosen row's key (a gist's id, a login, a full name, a number) and the vertical scroll.
    QString chosenRow = {};
    int scrolledTo = 0;

    bool operator==(const Location &other) const;
    bool operator!=(const Location &other) const { return !(*this == other); }
};

// A location as the window keeps it between runs ("target=megacorp&place=pulls&state=closed"),
// and back: nothing when the saved bytes do not name a valid target and a known place.
QByteArray savedLocation(const Location &location);
std::optional<Location> restoredLocation(const QByteArray &saved);

// Back and forward, as in a browser: visiting somewhere new drops what was ahead.
class History final
{
public:
    static constexpr int MaximumLength = 100;

    void visit(const Location &location);
    // The current stop changed in place (its default place became known, another pull state).
    void replaceCurrent(const Location &location);
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_stops.size(); }
    Location goBack();
    Location goForward();
    std::optional<Location> current() const;
    qsizetype size() const { return m_stops.size(); }

private:
    QList<Location> m_stops;
    qsizetype m_current = -1;
};

} // namespace Hubshelf::Models
