#pragma once

#include <Qt>

namespace Hubshelf::Models {

// The roles of every list model, in one place.
enum Role : int {
    SortRole = Qt::UserRole + 1, // typed: numbers, dates and booleans sort as such
    ExportRole,                  // the cell's text in an export (CSV); on the header: the CSV column name
    HtmlUrlRole,                 // the row's page on GitHub
    IdRole,                      // GitHub's id of the row (number, or the gist id)
    PlaceholderRole,             // true when DisplayRole stands in for a missing value ("(no description)")
    SecretRole,                  // true on a secret gist's description: the window marks it
};

} // namespace Hubshelf::Models
