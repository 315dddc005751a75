#pragma once

#include <QDialog>

class QTableWidget;

namespace qaw {

class Prompts;
class Workspace;

//! Every import batch of the workspace (file, format, counts, status) and, for the
//! selected one, the records that were kept aside with their reasons; rejects export
//! to CSV.
class ImportHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    ImportHistoryDialog(Workspace &workspace, Prompts &prompts, QWidget *parent = nullptr);
    //! Shows the rejects of \a batchId (and selects that batch).
    void selectBatch(qint64 batchId);

private:
    void showRejects();
    void exportRejects();
    qint64 selectedBatch() const;

    Workspace &m_workspace;
    Prompts &m_prompts;
    QTableWidget *m_batches = nullptr;
    QTableWidget *m_rejects = nullptr;
};

} // namespace qaw
