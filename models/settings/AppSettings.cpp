#include "settings/AppSettings.h"

#include "storage/Workspace.h"

#include <QDir>
#include <QStandardPaths>

namespace qaw {
namespace {

constexpr int kSettingsVersion = 1;
const QString kVersion = QStringLiteral("settingsVersion");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kTab = QStringLiteral("window/workspaceTab");
const QString kLast = QStringLiteral("workspace/last");
const QString kRecent = QStringLiteral("workspace/recent");
const QString kReviewer = QStringLiteral("review/reviewerName");

} // namespace

AppSettings::AppSettings()
{
    migrate();
}

AppSettings::AppSettings(const QString &iniPath) : m_settings(iniPath, QSettings::IniFormat)
{
    migrate();
}

void AppSettings::migrate()
{
    // Version 1 is the first; later versions rename keys here, once.
    if (m_settings.value(kVersion, 0).toInt() < kSettingsVersion)
        m_settings.setValue(kVersion, kSettingsVersion);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}

QString AppSettings::lastWorkspace() const
{
    return m_settings.value(kLast).toString();
}

void AppSettings::setLastWorkspace(const QString &path)
{
    m_settings.setValue(kLast, path);
}

QStringList AppSettings::recentWorkspaces() const
{
    return m_settings.value(kRecent).toStringList();
}

void AppSettings::addRecentWorkspace(const QString &path)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings.setValue(kRecent, recent);
}

void AppSettings::removeRecentWorkspace(const QString &path)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    m_settings.setValue(kRecent, recent);
}

QString AppSettings::reviewerName() const
{
    const QString name = m_settings.value(kReviewer).toString();
    return name.isEmpty() ? currentUserName() : name;
}

void AppSettings::setReviewerName(const QString &name)
{
    m_settings.setValue(kReviewer, name);
}

int AppSettings::currentWorkspaceTab() const
{
    return m_settings.value(kTab, 0).toInt();
}

void AppSettings::setCurrentWorkspaceTab(int index)
{
    m_settings.setValue(kTab, index);
}

QString AppSettings::defaultDemoWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.qaw"));
}

} // namespace qaw
