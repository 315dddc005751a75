#include "Prompts.h"

#include <QFileDialog>

namespace qaw {

QString Prompts::openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString Prompts::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                              const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void Prompts::error(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::critical(parent, title, text);
}

void Prompts::information(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

bool Prompts::question(QWidget *parent, const QString &title, const QString &text)
{
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

} // namespace qaw
