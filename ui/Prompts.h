#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace qaw {

//! Every question the GUI asks the user goes through here, so tests can answer it
//! (see tests/ui) instead of skipping the code that asks.
class Prompts
{
public:
    virtual ~Prompts() = default;
    virtual QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
    virtual QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                 const QString &filter);
    virtual void error(QWidget *parent, const QString &title, const QString &text);
    virtual void information(QWidget *parent, const QString &title, const QString &text);
    virtual bool question(QWidget *parent, const QString &title, const QString &text);
};

} // namespace qaw
