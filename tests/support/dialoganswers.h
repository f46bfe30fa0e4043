#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QObject>
#include <QStringList>
#include <QTest>
#include <QTimer>

// Answers the modal message boxes a test opens, as a user would: clicks (QTest::mouseClick)
// the button with the text given for each box (without its mnemonic's "&"), in order, and keeps
// what each box said and offered. A box without such a button is rejected, so that the test
// fails rather than hangs.
class DialogAnswers
{
public:
    // One button text for each box to come, in order.
    void answer(const QStringList &buttons)
    {
        m_buttons += buttons;
        schedule();
    }
    // For each box answered: its title, text, informative and detailed text, one per line.
    QStringList texts() const { return m_texts; }
    // For each box answered: the texts of its buttons.
    QList<QStringList> offered() const { return m_offered; }
    bool allAnswered() const { return m_buttons.isEmpty(); }

private:
    void schedule()
    {
        QTimer::singleShot(0, &m_context, [this] { answerNext(); });
    }
    void answerNext()
    {
        if (m_buttons.isEmpty())
            return;
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible()) {
            schedule();
            return;
        }
        m_texts.append(box->windowTitle() + u'\n' + box->text() + u'\n' + box->informativeText()
            + u'\n' + box->detailedText());
        QStringList offered;
        QAbstractButton *chosen = nullptr;
        const QString wanted = m_buttons.takeFirst();
        for (QAbstractButton *button : box->buttons()) {
            // "Show Details…" is no answer.
            if (box->buttonRole(button) == QMessageBox::ActionRole)
                continue;
            // As read, without the mnemonic's ampersand.
            const QString text = QString(button->text()).remove(u'&');
            offered.append(text);
            if (text == wanted)
                chosen = button;
        }
        m_offered.append(offered);
        if (chosen)
            QTest::mouseClick(chosen, Qt::LeftButton);
        else
            box->reject();
        if (!m_buttons.isEmpty())
            schedule();
    }

    QObject m_context;
    QStringList m_buttons;
    QStringList m_texts;
    QList<QStringList> m_offered;
};
