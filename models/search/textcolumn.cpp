#include "search/textcolumn.h"

#include "catalog/textfold.h"

#include <algorithm>
#include <cstring>
#include <vector>

void TextColumn::append(QStringView value)
{
    appendValue(value);
    endItem();
}

void TextColumn::append(const QStringList &values)
{
    for (const QString &value : values)
        appendValue(value);
    endItem();
}

void TextColumn::appendFolded(QByteArrayView folded)
{
    appendBytes(folded);
    endItem();
}

void TextColumn::appendValue(QStringView value)
{
    const QString folded = TextFold::fold(value);
    if (folded.isEmpty())
        return;
    const qsizetype start = m_text.size();
    // Folded text is nearly always ASCII, which is its own UTF-8: copy it without a temporary.
    m_text.resize(start + folded.size());
    char *out = m_text.data() + start;
    for (const QChar c : folded) {
        if (c.unicode() >= 0x80) {
            m_text.resize(start);
            m_text.append(folded.toUtf8());
            break;
        }
        *out++ = char(c.unicode());
    }
    for (qsizetype i = start; i < m_text.size(); ++i)
        ++m_byteCounts[uchar(m_text.at(i))];
    // The separator keeps a word from matching across two values or two items.
    m_text.append('\n');
}

void TextColumn::appendBytes(QByteArrayView folded)
{
    if (folded.isEmpty())
        return;
    m_text.append(folded);
    for (const char byte : folded)
        ++m_byteCounts[uchar(byte)];
    m_text.append('\n');
}

void TextColumn::endItem()
{
    m_ends.append(qint32(m_text.size()));
}

void TextColumn::findAll(QByteArrayView needle, quint8 *matches) const
{
    if (needle.isEmpty()) {
        qint32 start = 0;
        for (qsizetype i = 0; i < m_ends.size(); ++i) {
            matches[i] |= quint8(m_ends.at(i) > start);
            start = m_ends.at(i);
        }
        return;
    }
    // memchr runs at memory speed: look for the needle's rarest byte in this column, and
    // compare the whole needle only where it is.
    qsizetype rare = 0;
    for (qsizetype k = 1; k < needle.size(); ++k) {
        if (m_byteCounts[uchar(needle[k])] < m_byteCounts[uchar(needle[rare])])
            rare = k;
    }
    if (m_byteCounts[uchar(needle[rare])] == 0)
        return;

    const char *const base = m_text.constData();
    const char *const end = base + m_text.size();
    const char *from = base;
    qsizetype item = 0;
    while (from + rare < end) {
        const char *found = static_cast<const char *>(
            memchr(from + rare, needle[rare], size_t(end - from - rare)));
        if (!found)
            break;
        const char *start = found - rare;
        // Needles are a word or two: comparing inline beats a call to memcmp.
        if (end - start < needle.size() || !std::equal(needle.begin(), needle.end(), start)) {
            from = start + 1;
            continue;
        }
        const qint32 offset = qint32(start - base);
        while (m_ends.at(item) <= offset)
            ++item;
        matches[item] = 1;
        // One hit is enough: go on from the next item.
        from = base + m_ends.at(item);
    }
}

void RepeatedTextColumn::append(const QString &value)
{
    if (!reuse(value)) {
        m_texts.append(QStringView(value));
        remember(value);
    }
}

void RepeatedTextColumn::append(const QStringList &values)
{
    // The key only finds the same list again; the unit separator never occurs in a name.
    const QString key = values.size() == 1 ? values.first() : values.join(QChar(0x1F));
    if (!reuse(key)) {
        m_texts.append(values);
        remember(key);
    }
}

bool RepeatedTextColumn::reuse(const QString &key)
{
    const auto known = m_textIndex.constFind(key);
    if (known == m_textIndex.constEnd())
        return false;
    m_textOfItem.append(known.value());
    return true;
}

void RepeatedTextColumn::remember(const QString &key)
{
    const qint32 text = qint32(m_texts.size() - 1);
    m_textIndex.insert(key, text);
    m_textOfItem.append(text);
}

void RepeatedTextColumn::findAll(QByteArrayView needle, quint8 *matches) const
{
    std::vector<quint8> found(size_t(m_texts.size()), 0);
    m_texts.findAll(needle, found.data());
    for (qsizetype i = 0; i < m_textOfItem.size(); ++i)
        matches[i] |= found[size_t(m_textOfItem.at(i))];
}
