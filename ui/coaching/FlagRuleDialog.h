#pragma once

#include "coaching/FlagRule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace qaw {

class Workspace;

//! Edits the flag rules of the workspace: kind, parameters (JSON), severity, limited to
//! calibrated criteria, enabled. Each save is audited by FlagRuleStore.
class FlagRuleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FlagRuleDialog(Workspace &workspace, QWidget *parent = nullptr);

    QListWidget *ruleList() const { return m_list; }
    QString lastError() const;

private:
    void reloadList(qint64 select);
    void showRule(const FlagRule &rule);
    void kindChanged();
    void newRule();
    void saveRule();
    void deleteRule();

    Workspace &m_workspace;
    qint64 m_editing = -1;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QPlainTextEdit *m_params = nullptr;
    QComboBox *m_severity = nullptr;
    QCheckBox *m_calibrated = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace qaw
