#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>

// The folded texts of one kind of item (cue titles, release labels…) laid end to end in UTF-8,
// each value followed by '\n'. One substring search over the whole column finds every item that
// contains a word, which is far cheaper than one search per item: 100,000 titles are one pass.
class TextColumn
{
public:
    // Appends one item. The values are folded here; an item may have none.
    void append(QStringView value);
    void append(const QStringList &values);
    // Appends one item whose text is folded already (UTF-8, no '\n').
    void appendFolded(QByteArrayView folded);
    qsizetype size() const { return m_ends.size(); }
    // Sets matches[i] for every item i whose text contains needle (folded UTF-8, no '\n'); an
    // empty needle matches every item that has any text. matches holds size() bytes.
    void findAll(QByteArrayView needle, quint8 *matches) const;

private:
    void appendValue(QStringView value);
    void appendBytes(QByteArrayView folded);
    void endItem();

    QByteArray m_text;
    std::array<quint32, 256> m_byteCounts = {};
    // Item i spans m_text from (i ? m_ends[i - 1] : 0) to m_ends[i].
    QList<qint32> m_ends;
};

// A TextColumn for texts that repeat from item to item (composers, labels, episodes): each
// distinct text is folded and searched once, and the items only point to it.
class RepeatedTextColumn
{
public:
    void append(const QString &value);
    void append(const QStringList &values);
    qsizetype size() const { return m_textOfItem.size(); }
    void findAll(QByteArrayView needle, quint8 *matches) const;

private:
    bool reuse(const QString &key);
    void remember(const QString &key);

    TextColumn m_texts;
    QHash<QString, qint32> m_textIndex;
    QList<qint32> m_textOfItem;
};
