#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace qaw {

//! Every per-user setting in one typed place: the key, its default and its type are
//! written once, here, instead of in scattered QSettings calls.
class AppSettings
{
public:
    static constexpr int kMaxRecent = 8;

    AppSettings();
    //! For tests: settings kept in the given INI file.
    explicit AppSettings(const QString &iniPath);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QString lastWorkspace() const;
    void setLastWorkspace(const QString &path);
    QStringList recentWorkspaces() const;
    //! Moves \a path to the front of the recent list.
    void addRecentWorkspace(const QString &path);
    void removeRecentWorkspace(const QString &path);

    QString reviewerName() const; //!< defaults to the operating-system user
    void setReviewerName(const QString &name);

    int currentWorkspaceTab() const;
    void setCurrentWorkspaceTab(int index);

    //! Where the demo workspace lives: the user's data directory.
    static QString defaultDemoWorkspacePath();

    void sync() { m_settings.sync(); }

private:
    void migrate();
    QSettings m_settings;
};

} // namespace qaw
