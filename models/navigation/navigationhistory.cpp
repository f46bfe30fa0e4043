#include "navigation/navigationhistory.h"

void NavigationHistory::visit(const Location &location)
{
    if (!location.isValid() || current() == location)
        return;
    m_entries.resize(m_current + 1);
    m_entries.append(location);
    if (m_entries.size() > MaxEntries)
        m_entries.removeFirst();
    m_current = m_entries.size() - 1;
}

Location NavigationHistory::current() const
{
    return m_current >= 0 ? m_entries.at(m_current) : Location();
}

Location NavigationHistory::back()
{
    if (canGoBack())
        --m_current;
    return current();
}

Location NavigationHistory::forward()
{
    if (canGoForward())
        ++m_current;
    return current();
}

void NavigationHistory::removeCatalog(const QString &catalogId)
{
    QList<Location> kept;
    qsizetype keptUpToCurrent = 0;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Location &entry = m_entries.at(i);
        // Removing entries can make two equal ones neighbours; keep one.
        if (entry.catalogId == catalogId || (!kept.isEmpty() && kept.constLast() == entry))
            continue;
        kept.append(entry);
        if (i <= m_current)
            keptUpToCurrent = kept.size();
    }
    m_entries = kept;
    m_current = keptUpToCurrent > 0 ? keptUpToCurrent - 1 : (m_entries.isEmpty() ? -1 : 0);
}

void NavigationHistory::clear()
{
    m_entries.clear();
    m_current = -1;
}
