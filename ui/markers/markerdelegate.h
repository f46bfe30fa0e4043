#pragma once

#include <QStyledItemDelegate>

// The editors of a marker's fields in a MarkerTable: for a time, a line that takes what
// TimeCode::parseTyped() reads (while its text is not a time, the hint says what to type, and
// Enter keeps it open); for the theme, a list of the cue's catalog's themes, the ones heard in the
// cue first, with "(none)"; for the kind, the known kinds or any text. The label uses the
// default line editor.
class MarkerDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

signals:
    // What to type in the time editor, while its text is not a time; empty once it is.
    void hintChanged(const QString &hint) const;

private:
    QWidget *createTimeEditor(QWidget *parent, bool emptyAllowed) const;
    QWidget *createThemeEditor(QWidget *parent, const QModelIndex &index) const;
    QWidget *createKindEditor(QWidget *parent) const;
};
