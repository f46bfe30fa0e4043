#pragma once

#include "navigation/location.h"

#include <QList>
#include <QString>

// Back and forward through what the user looked at, the way a web browser does: visiting a new
// place drops the forward entries; visiting the current place again changes nothing.
class NavigationHistory
{
public:
    static constexpr int MaxEntries = 200;

    void visit(const Location &location);

    Location current() const;
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_entries.size(); }
    // Each moves one step and returns the new current location (unchanged at either end).
    Location back();
    Location forward();

    // Forgets every entry of a catalog that was closed; the current entry moves to a survivor.
    void removeCatalog(const QString &catalogId);
    void clear();

    qsizetype size() const { return m_entries.size(); }

private:
    QList<Location> m_entries;
    qsizetype m_current = -1;
};
