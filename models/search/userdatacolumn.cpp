#include "search/userdatacolumn.h"

#include "catalog/textfold.h"

void UserDataColumn::setNote(const CueKey &cue, QStringView text)
{
    const QByteArray folded = TextFold::fold(text).toUtf8();
    update(cue, [&folded](Entry &entry) {
        entry.note = folded;
        entry.flags = quint8(folded.isEmpty() ? entry.flags & ~SearchTerm::HasNote
                                              : entry.flags | SearchTerm::HasNote);
    });
}

void UserDataColumn::setFlag(const CueKey &cue, SearchTerm::Has flag, bool on)
{
    update(cue, [flag, on](Entry &entry) {
        entry.flags = quint8(on ? entry.flags | flag : entry.flags & ~flag);
    });
}

void UserDataColumn::update(const CueKey &cue, const std::function<void(Entry &)> &change)
{
    auto catalog = m_catalogs.find(cue.catalogId);
    if (catalog == m_catalogs.end())
        catalog = m_catalogs.insert(cue.catalogId, {});
    Entry &entry = (*catalog)[cue.cueId];
    change(entry);
    if (entry.flags == SearchTerm::HasNothing) {
        catalog->remove(cue.cueId);
        if (catalog->isEmpty())
            m_catalogs.erase(catalog);
    }
}

quint8 UserDataColumn::flags(const CueKey &cue) const
{
    const QHash<QString, Entry> *catalog = entries(cue.catalogId);
    return catalog ? catalog->value(cue.cueId).flags : quint8(SearchTerm::HasNothing);
}

QList<CueKey> UserDataColumn::cuesWith(SearchTerm::Has flag) const
{
    QList<CueKey> cues;
    for (auto catalog = m_catalogs.cbegin(); catalog != m_catalogs.cend(); ++catalog) {
        for (auto entry = catalog->cbegin(); entry != catalog->cend(); ++entry) {
            if (entry->flags & flag)
                cues.append({catalog.key(), entry.key()});
        }
    }
    return cues;
}

QByteArray UserDataColumn::foldedNote(const CueKey &cue) const
{
    const QHash<QString, Entry> *catalog = entries(cue.catalogId);
    return catalog ? catalog->value(cue.cueId).note : QByteArray();
}

const QHash<QString, UserDataColumn::Entry> *UserDataColumn::entries(const QString &catalogId) const
{
    const auto found = m_catalogs.constFind(catalogId);
    return found == m_catalogs.cend() ? nullptr : &found.value();
}

bool UserDataColumn::matches(const Entry &entry, const SearchTerm &term, QByteArrayView needle)
{
    switch (term.field) {
    case SearchTerm::AnyField:
    case SearchTerm::NoteField:
        // An empty needle ("note:") asks for any note at all.
        return !entry.note.isEmpty() && entry.note.contains(needle);
    case SearchTerm::HasField:
        return entry.flags & term.has;
    default:
        return false;
    }
}
