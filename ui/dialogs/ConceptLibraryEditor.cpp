#include "dialogs/ConceptLibraryEditor.h"

#include "scoring/ConceptMatcher.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {
namespace {

enum Page { EmptyPage, ConceptPage, ClassPage };
constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
enum Kind { ConceptItem = 1, ClassItem = 2 };

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

template <typename W> W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

QPlainTextEdit *patternBox(QWidget *parent, const char *name, const QString &placeholder)
{
    auto *edit = named(new QPlainTextEdit(parent), name);
    edit->setFont(QFont(QStringLiteral("monospace")));
    edit->setPlaceholderText(placeholder);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

} // namespace

ConceptLibraryEditor::ConceptLibraryEditor(const ConceptLibrary &library, QWidget *parent)
    : QWidget(parent), m_library(library)
{
    setObjectName(QStringLiteral("conceptLibraryEditor"));
    m_tree = named(new QTreeWidget(this), "conceptTree");
    m_tree->setHeaderLabels({tr("Concepts and word classes"), tr("Patterns")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setMinimumWidth(300);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new QLabel(tr("Select a concept or a word class to edit it."), this));
    auto *conceptPage = new QWidget(this);
    auto *conceptForm = new QFormLayout(conceptPage);
    m_description = named(new QLineEdit(this), "conceptDescription");
    m_clear = patternBox(this, "conceptClear", tr("can|could|may i {id_act} your {identity_item}"));
    m_weak = patternBox(this, "conceptWeak", tr("one pattern per line"));
    m_exclude = patternBox(this, "conceptExclude", tr("cancels a match it overlaps"));
    m_excludeInClause = patternBox(this, "conceptExcludeInClause",
                                   tr("cancels any match in the same clause"));
    for (QPlainTextEdit *small : {m_weak, m_exclude, m_excludeInClause})
        small->setMaximumHeight(90); // the clear patterns get the room
    m_clear->setMinimumHeight(160);
    m_negatable = named(new QCheckBox(tr("A negation just before a match cancels it"), this),
                        "conceptNegatable");
    conceptForm->addRow(tr("Description"), m_description);
    conceptForm->addRow(tr("Clear evidence"), m_clear);
    conceptForm->addRow(tr("Weak evidence"), m_weak);
    conceptForm->addRow(tr("Not when it overlaps"), m_exclude);
    conceptForm->addRow(tr("Not in the same clause as"), m_excludeInClause);
    conceptForm->addRow(QString(), m_negatable);
    conceptForm->addRow(QString(), new QLabel(tr("Patterns: words, a|b alternatives (join words "
                                                 "with _), {class}, * any word, # a number, "
                                                 "... a gap, ^ start of a clause, $ its end, "
                                                 "? (alone) in a question, word? optional."),
                                              this));
    m_pages->addWidget(conceptPage);
    auto *classPage = new QWidget(this);
    auto *classForm = new QFormLayout(classPage);
    m_members = patternBox(this, "classMembers", tr("one member per line; {other} includes a class"));
    classForm->addRow(tr("Members"), m_members);
    m_pages->addWidget(classPage);

    m_problems = named(new QLabel(this), "conceptProblems");
    m_problems->setWordWrap(true);
    m_try = named(new QLineEdit(this), "conceptTry");
    m_try->setPlaceholderText(tr("Try a sentence: \"could I just grab the first line of your "
                                 "address\""));
    m_tryResult = named(new QTextBrowser(this), "conceptTryResult");
    m_tryResult->setMaximumHeight(140);
    m_tryTimer = new QTimer(this);
    m_tryTimer->setSingleShot(true);
    m_tryTimer->setInterval(250); // compiling the library on every keystroke is wasted work

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_pages, 1);
    rightLayout->addWidget(m_problems);
    rightLayout->addWidget(new QLabel(tr("<b>Try a sentence</b> (with these unsaved edits)"), this));
    rightLayout->addWidget(m_try);
    rightLayout->addWidget(m_tryResult);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ConceptLibraryEditor::showSelected);
    connect(m_description, &QLineEdit::textChanged, this, &ConceptLibraryEditor::commitFields);
    for (QPlainTextEdit *edit : {m_clear, m_weak, m_exclude, m_excludeInClause, m_members})
        connect(edit, &QPlainTextEdit::textChanged, this, &ConceptLibraryEditor::commitFields);
    connect(m_negatable, &QCheckBox::toggled, this, &ConceptLibraryEditor::commitFields);
    connect(m_try, &QLineEdit::textChanged, m_tryTimer, qOverload<>(&QTimer::start));
    connect(m_tryTimer, &QTimer::timeout, this, &ConceptLibraryEditor::refreshTry);
    buildTree();
    if (QTreeWidgetItem *concepts = m_tree->topLevelItem(0); concepts && concepts->childCount() > 0)
        m_tree->setCurrentItem(concepts->child(0));
    refreshTry();
}

void ConceptLibraryEditor::buildTree()
{
    m_tree->clear();
    auto *concepts = new QTreeWidgetItem(m_tree, {tr("Concepts")});
    for (const ConceptDefinition &c : m_library.concepts) {
        auto *item = new QTreeWidgetItem(concepts, {c.id, QString::number(c.clear.size() + c.weak.size())});
        item->setData(0, kKindRole, ConceptItem);
        item->setData(0, kIdRole, c.id);
        item->setToolTip(0, c.description);
    }
    auto *classes = new QTreeWidgetItem(m_tree, {tr("Word classes")});
    for (auto it = m_library.classes.begin(); it != m_library.classes.end(); ++it) {
        auto *item = new QTreeWidgetItem(classes, {it.key(), QString::number(it.value().size())});
        item->setData(0, kKindRole, ClassItem);
        item->setData(0, kIdRole, it.key());
    }
    concepts->setExpanded(true);
}

void ConceptLibraryEditor::showSelected()
{
    m_loading = true;
    const QTreeWidgetItem *item = m_tree->currentItem();
    const int kind = item ? item->data(0, kKindRole).toInt() : 0;
    const QString id = item ? item->data(0, kIdRole).toString() : QString();
    m_conceptId = kind == ConceptItem ? id : QString();
    m_className = kind == ClassItem ? id : QString();
    if (const ConceptDefinition *c = m_library.concept(m_conceptId)) {
        m_description->setText(c->description);
        m_clear->setPlainText(c->clear.join(QLatin1Char('\n')));
        m_weak->setPlainText(c->weak.join(QLatin1Char('\n')));
        m_exclude->setPlainText(c->exclude.join(QLatin1Char('\n')));
        m_excludeInClause->setPlainText(c->excludeInClause.join(QLatin1Char('\n')));
        m_negatable->setChecked(c->negatable);
        m_pages->setCurrentIndex(ConceptPage);
    } else if (m_library.classes.contains(m_className)) {
        m_members->setPlainText(m_library.classes.value(m_className).join(QLatin1Char('\n')));
        m_pages->setCurrentIndex(ClassPage);
    } else {
        m_pages->setCurrentIndex(EmptyPage);
    }
    m_loading = false;
}

void ConceptLibraryEditor::commitFields()
{
    if (m_loading)
        return;
    if (m_library.concepts.contains(m_conceptId)) {
        ConceptDefinition &c = m_library.concepts[m_conceptId];
        c.description = m_description->text();
        c.clear = lines(m_clear);
        c.weak = lines(m_weak);
        c.exclude = lines(m_exclude);
        c.excludeInClause = lines(m_excludeInClause);
        c.negatable = m_negatable->isChecked();
        if (QTreeWidgetItem *item = m_tree->currentItem())
            item->setText(1, QString::number(c.clear.size() + c.weak.size()));
    } else if (m_library.classes.contains(m_className)) {
        m_library.classes[m_className] = lines(m_members);
        if (QTreeWidgetItem *item = m_tree->currentItem())
            item->setText(1, QString::number(m_library.classes.value(m_className).size()));
    } else {
        return;
    }
    refreshTry();
    emit libraryEdited(m_library);
}

void ConceptLibraryEditor::tryText(const QString &text)
{
    m_try->setText(text);
    m_tryTimer->stop();
    refreshTry();
}

void ConceptLibraryEditor::refreshTry()
{
    const QStringList problems = m_library.validate();
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                                  .arg(problems.join(QStringLiteral("<br>")).toHtmlEscaped()));
    const QString text = m_try->text();
    if (text.trimmed().isEmpty() || !problems.isEmpty()) {
        m_tryResult->setHtml(problems.isEmpty() ? tr("<i>Type a sentence above.</i>")
                                                : tr("<i>Fix the library first.</i>"));
        return;
    }
    PhraseLexicon lexicon;
    QStringList errors;
    const auto matcher = ConceptMatcher::compile(m_library, lexicon, &errors);
    if (!matcher)
        return;
    lexicon.finalise();
    const TokenisedText tokens = lexicon.tokenise(text);
    QString html;
    for (int c = 0; c < matcher->size(); ++c) {
        const ConceptMatch m = matcher->find(tokens, c);
        if (!m.found())
            continue;
        html += tr("<p><b>%1</b> (%2): \"%3\" <span style=\"color:#555\">by %4</span></p>")
                    .arg(matcher->id(c).toHtmlEscaped(),
                         m.strength == ConceptMatch::Clear ? tr("clear") : tr("weak"),
                         text.mid(m.charStart, m.charEnd - m.charStart).toHtmlEscaped(),
                         matcher->patternText(c, m.pattern).toHtmlEscaped());
    }
    m_tryResult->setHtml(html.isEmpty() ? tr("<i>No concept found.</i>") : html);
}

} // namespace qaw
