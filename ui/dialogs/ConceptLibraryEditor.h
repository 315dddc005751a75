#pragma once

#include "domain/ConceptLibrary.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;

namespace qaw {

//! Edits a scorecard's concept library: each concept's description and its clear, weak
//! and exclude patterns, and the word classes the patterns use, one entry per line. A
//! sentence typed in "Try a sentence" shows at once which concepts it holds and by which
//! pattern, with the unsaved edits, so a supervisor can teach the library a phrasing of
//! their centre's and see it work before saving.
class ConceptLibraryEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConceptLibraryEditor(const ConceptLibrary &library, QWidget *parent = nullptr);

    const ConceptLibrary &library() const { return m_library; }
    //! Shows what the library finds in \a text (what "Try a sentence" does).
    void tryText(const QString &text);

signals:
    //! After every edit, with the library as it now stands (maybe not valid).
    void libraryEdited(const ConceptLibrary &library);

private:
    void buildTree();
    void showSelected();
    void commitFields();
    void refreshTry();

    ConceptLibrary m_library;
    bool m_loading = false;
    QString m_conceptId; //!< the concept shown, or empty
    QString m_className; //!< the class shown, or empty

    QTreeWidget *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_description = nullptr;
    QPlainTextEdit *m_clear = nullptr;
    QPlainTextEdit *m_weak = nullptr;
    QPlainTextEdit *m_exclude = nullptr;
    QPlainTextEdit *m_excludeInClause = nullptr;
    QCheckBox *m_negatable = nullptr;
    QPlainTextEdit *m_members = nullptr;
    QLabel *m_problems = nullptr;
    QLineEdit *m_try = nullptr;
    QTextBrowser *m_tryResult = nullptr;
    QTimer *m_tryTimer = nullptr;
};

} // namespace qaw
