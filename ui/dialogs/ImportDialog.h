#pragma once

#include "import/ImportPreview.h"
#include "import/ImportTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace qaw {

class Prompts;
class Workspace;

//! Chooses files to import: shows each file's detected format, lets the user override
//! it, correct a CSV column mapping (and save it as a named profile), pick what personal
//! data to redact, and previews the first interactions as they would be imported.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(Workspace &workspace, Prompts &prompts, QWidget *parent = nullptr);

    void setFiles(const QStringList &files);
    QStringList files() const { return m_files; }
    //! The options the import will run with (format, mapping, redaction).
    ImportOptions options() const;

private:
    void addFiles();
    void removeSelectedFile();
    void refreshPreview();
    void showMapping(const ImportPreview &preview);
    void mappingEdited();
    void loadProfile();
    void saveProfile();
    void showRecords(const ImportPreview &preview);

    Workspace &m_workspace;
    Prompts &m_prompts;
    QStringList m_files;
    ColumnMapping m_mapping;
    bool m_mappingEdited = false;
    QStringList m_header;
    bool m_updating = false;

    QListWidget *m_fileList = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_detected = nullptr;
    QCheckBox *m_redactCards = nullptr;
    QCheckBox *m_redactSsn = nullptr;
    QCheckBox *m_redactEmail = nullptr;
    QCheckBox *m_redactPhone = nullptr;
    QGroupBox *m_mappingBox = nullptr;
    QTableWidget *m_mappingTable = nullptr;
    QComboBox *m_profiles = nullptr;
    QComboBox *m_defaultChannel = nullptr;
    QLabel *m_mappingProblems = nullptr;
    QTableWidget *m_preview = nullptr;
};

} // namespace qaw
