#include "search/userdatacolumn.h"

#include "catalog/textfold.h"

#include <utility>

void UserDataColumn::setCueLocator(CueLocator locate)
{
    m_locate = std::move(locate);
    relocate();
}

void UserDataColumn::relocate()
{
    for (auto catalog = m_catalogs.begin(); catalog != m_catalogs.end(); ++catalog) {
        for (auto entry = catalog->entries.begin(); entry != catalog->entries.end(); ++entry)
            entry->cue = m_locate ? m_locate({catalog.key(), entry.key()}) : -1;
        catalog->notes.reset();
    }
}

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
    auto found = catalog->entries.find(cue.cueId);
    if (found == catalog->entries.end()) {
        found = catalog->entries.insert(cue.cueId, {});
        found->cue = m_locate ? m_locate(cue) : -1;
    }
    const QByteArray noteBefore = found->note;
    change(*found);
    if (found->note != noteBefore)
        catalog->notes.reset();
    if (found->flags == SearchTerm::HasNothing) {
        catalog->entries.erase(found);
        if (catalog->entries.isEmpty())
            m_catalogs.erase(catalog);
    }
}

const UserDataColumn::Entry *UserDataColumn::entry(const CueKey &cue) const
{
    const auto catalog = m_catalogs.constFind(cue.catalogId);
    if (catalog == m_catalogs.cend())
        return nullptr;
    const auto found = catalog->entries.constFind(cue.cueId);
    return found == catalog->entries.cend() ? nullptr : &found.value();
}

quint8 UserDataColumn::flags(const CueKey &cue) const
{
    const Entry *found = entry(cue);
    return found ? found->flags : quint8(SearchTerm::HasNothing);
}

QByteArray UserDataColumn::foldedNote(const CueKey &cue) const
{
    const Entry *found = entry(cue);
    return found ? found->note : QByteArray();
}

QList<CueKey> UserDataColumn::cuesWith(SearchTerm::Has flag) const
{
    QList<CueKey> cues;
    for (auto catalog = m_catalogs.cbegin(); catalog != m_catalogs.cend(); ++catalog) {
        for (auto entry = catalog->entries.cbegin(); entry != catalog->entries.cend(); ++entry) {
            if (entry->flags & flag)
                cues.append({catalog.key(), entry.key()});
        }
    }
    return cues;
}

const UserDataColumn::NoteText &UserDataColumn::notesOf(const Catalog &catalog)
{
    if (!catalog.notes) {
        NoteText &notes = catalog.notes.emplace();
        for (const Entry &entry : catalog.entries) {
            if (entry.cue >= 0 && !entry.note.isEmpty()) {
                notes.text.appendFolded(entry.note);
                notes.cues.push_back(entry.cue);
            }
        }
    }
    return *catalog.notes;
}

void UserDataColumn::find(
    const QString &catalogId, const SearchTerm &term, quint8 *cueHits, qint32 cueCount) const
{
    const auto catalog = m_catalogs.constFind(catalogId);
    if (catalog == m_catalogs.cend())
        return;
    // An index out of range lasts only a moment: a catalog opened again, not yet located anew.
    auto hit = [cueHits, cueCount](qint32 cue) {
        if (cue >= 0 && cue < cueCount)
            cueHits[cue] = 1;
    };
    switch (term.field) {
    case SearchTerm::AnyField:
    case SearchTerm::NoteField: {
        const NoteText &notes = notesOf(*catalog);
        std::vector<quint8> found(notes.cues.size(), 0);
        notes.text.findAll(term.text.toUtf8(), found.data());
        for (size_t i = 0; i < found.size(); ++i) {
            if (found[i])
                hit(notes.cues[i]);
        }
        break;
    }
    case SearchTerm::HasField:
        for (const Entry &entry : catalog->entries) {
            if (entry.flags & term.has)
                hit(entry.cue);
        }
        break;
    default:
        break;
    }
}
