#include "markers/markerdelegate.h"

#include "catalog/catalog.h"
#include "catalog/timecode.h"
#include "itemmodels/markermodel.h"
#include "userdata/marker.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The line a time is typed in: it takes any keystroke, and knows whether its text is a time
// the model will take.
class TimeEdit : public QLineEdit
{
public:
    TimeEdit(bool emptyAllowed, QWidget *parent)
        : QLineEdit(parent)
        , m_emptyAllowed(emptyAllowed)
    { }

    bool isTime() const
    {
        if (text().trimmed().isEmpty())
            return m_emptyAllowed;
        return TimeCode::parseTyped(text()).has_value();
    }

private:
    bool m_emptyAllowed = false;
};

const MarkerModel *markerModel(const QModelIndex &index)
{
    return qobject_cast<const MarkerModel *>(index.model());
}

} // namespace

QWidget *MarkerDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (index.column()) {
    case MarkerModel::StartColumn:
        return createTimeEditor(parent, false);
    case MarkerModel::EndColumn:
        return createTimeEditor(parent, true);
    case MarkerModel::ThemeColumn:
        return createThemeEditor(parent, index);
    case MarkerModel::KindColumn:
        return createKindEditor(parent);
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

QWidget *MarkerDelegate::createTimeEditor(QWidget *parent, bool emptyAllowed) const
{
    auto *editor = new TimeEdit(emptyAllowed, parent);
    editor->setObjectName(u"timeEditor"_s);
    editor->setAccessibleName(emptyAllowed ? tr("End time") : tr("Start time"));
    const QString hint = emptyAllowed
        ? tr("Type a time as 1:12, 1:12.250 or 72.5 (seconds); leave it empty for a point.")
        : tr("Type a time as 1:12, 1:12.250 or 72.5 (seconds).");
    editor->setToolTip(hint);
    connect(editor, &QLineEdit::textChanged, this,
        [this, editor, hint] { emit hintChanged(editor->isTime() ? QString() : hint); });
    // The hint goes with the editor, whether it commits or the user gives up.
    connect(editor, &QObject::destroyed, this, [this] { emit hintChanged(QString()); });
    return editor;
}

// "(none)", then the themes heard in the cue, then the catalog's others, by name.
QWidget *MarkerDelegate::createThemeEditor(QWidget *parent, const QModelIndex &index) const
{
    auto *editor = new QComboBox(parent);
    editor->setObjectName(u"themeEditor"_s);
    editor->setAccessibleName(tr("Theme"));
    editor->addItem(tr("(none)"), QString());
    const MarkerModel *model = markerModel(index);
    const Catalog *catalog = model ? model->catalog() : nullptr;
    if (!catalog)
        return editor;
    QStringList heard;
    for (const int o : catalog->occurrencesOfCue(model->cue().cueId)) {
        const QString &themeId = catalog->occurrences.at(o).themeId;
        if (!heard.contains(themeId) && catalog->theme(themeId))
            heard.append(themeId);
    }
    for (const QString &themeId : std::as_const(heard))
        editor->addItem(catalog->theme(themeId)->name, themeId);
    QList<const Theme *> others;
    for (const Theme &theme : catalog->themes) {
        if (!heard.contains(theme.id))
            others.append(&theme);
    }
    std::sort(others.begin(), others.end(), [](const Theme *a, const Theme *b) {
        return QString::localeAwareCompare(a->name, b->name) < 0;
    });
    if (!heard.isEmpty() && !others.isEmpty())
        editor->insertSeparator(editor->count());
    for (const Theme *theme : std::as_const(others))
        editor->addItem(theme->name, theme->id);
    return editor;
}

QWidget *MarkerDelegate::createKindEditor(QWidget *parent) const
{
    auto *editor = new QComboBox(parent);
    editor->setObjectName(u"kindEditor"_s);
    editor->setAccessibleName(tr("Kind"));
    editor->setEditable(true);
    // Free text is kept as typed; it is not added to the list.
    editor->setInsertPolicy(QComboBox::NoInsert);
    editor->addItem(QString());
    editor->addItems(Marker::knownKinds());
    return editor;
}

bool MarkerDelegate::eventFilter(QObject *object, QEvent *event)
{
    // Enter on a time that is not one keeps the editor open with what was typed, and the hint
    // says why; leaving the editor any other way hands the text to the model, which refuses it
    // with a message and keeps the old time.
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const auto *time = dynamic_cast<const TimeEdit *>(object);
        if (time && (key == Qt::Key_Return || key == Qt::Key_Enter) && !time->isTime()) {
            emit hintChanged(time->toolTip());
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void MarkerDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->isEditable()) {
            combo->setCurrentText(value);
            return;
        }
        const int found = combo->findData(value);
        if (found >= 0) {
            combo->setCurrentIndex(found);
        } else {
            // A theme the catalog no longer has stays what it was until the user picks another.
            combo->addItem(value, value);
            combo->setCurrentIndex(combo->count() - 1);
        }
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void MarkerDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(
            index, combo->isEditable() ? combo->currentText() : combo->currentData().toString());
        return;
    }
    // A time that is not one goes to the model too, which refuses it and says why.
    QStyledItemDelegate::setModelData(editor, model, index);
}
