#pragma once

#include "domain/Evaluation.h"
#include "domain/Scorecard.h"
#include "storage/WorkspaceQueries.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QTabWidget;
class QTextBrowser;

namespace qaw {

class ConceptLibraryEditor;
class DetectorSettingsForm;
class Workspace;

//! Edits a scorecard: the tree of sections and criteria, weights, scales, auto-fail, N/A
//! rules and detector settings, and (a second tab) the concept library the detectors
//! refer to, with validation messages and a live preview that scores the selected
//! interaction with the unsaved edits. Saving makes a new version.
class ScorecardEditor : public QDialog
{
    Q_OBJECT
public:
    //! Scores one interaction under a scorecard without storing anything.
    using PreviewScorer = std::function<Evaluation(const Scorecard &, const StoredInteraction &)>;

    ScorecardEditor(Workspace &workspace, const Scorecard &card, int version, QWidget *parent = nullptr);

    void setPreview(const PreviewScorer &scorer, const std::optional<StoredInteraction> &interaction);
    //! The scorecard as edited so far (unsaved).
    const Scorecard &editedScorecard() const { return m_card; }
    QStringList problems() const { return m_card.validate(); }
    //! Stores the edits as a new version; activates it when \a activate. Returns the new
    //! version id, or -1 with \a error set.
    qint64 saveNewVersion(const QString &user, const QString &note, bool activate, QString *error);

    QTreeWidget *tree() const { return m_tree; }

private:
    void buildTree();
    void showSelected();
    void commitCriterionFields();
    void refreshValidationAndPreview();
    Criterion *selectedCriterion();
    ScorecardSection *selectedSection();
    void addSection();
    void addCriterion();
    void removeSelected();

    Workspace &m_workspace;
    Scorecard m_card;
    PreviewScorer m_scorer;
    std::optional<StoredInteraction> m_previewInteraction;
    bool m_loading = false;

    QLineEdit *m_name = nullptr;
    QDoubleSpinBox *m_passMark = nullptr;
    QTreeWidget *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_sectionName = nullptr;
    QLineEdit *m_criterionId = nullptr;
    QLineEdit *m_criterionName = nullptr;
    QLineEdit *m_purpose = nullptr;
    QDoubleSpinBox *m_weight = nullptr;
    QComboBox *m_scale = nullptr;
    QSpinBox *m_points = nullptr;
    QComboBox *m_autoFail = nullptr;
    QComboBox *m_outcome = nullptr;
    QPlainTextEdit *m_naRule = nullptr;
    QPlainTextEdit *m_detector = nullptr;
    DetectorSettingsForm *m_detectorForm = nullptr;
    QTabWidget *m_detectorTabs = nullptr;
    QLabel *m_jsonError = nullptr;
    QLabel *m_validation = nullptr;
    QTextBrowser *m_preview = nullptr;
    ConceptLibraryEditor *m_concepts = nullptr;
};

} // namespace qaw
