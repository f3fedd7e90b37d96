// Composition root of the desktop app: open the core, register IPC, show the window. Nothing else lives here.
import { app, BrowserWindow, safeStorage } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openCore, type Core } from '../core/app'
import { loadOrCreateWrappedKey } from '../core/db/key-file'
import { chooseNativeBinding } from '../core/db/native'
import { startBackgroundSync, type BackgroundSync } from '../core/sync/autostart'
import { registerIpc } from './ipc'
import { appPaths } from './paths'
import { createMainWindow } from './window'

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
let core: Core | null = null
let sync: BackgroundSync | null = null

if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(() => {
  const paths = appPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData')
  })
  const binding = chooseNativeBinding(
    paths.projectRoot,
    { electron: process.versions.electron, platform: process.platform, arch: process.arch },
    existsSync
  )
  if (binding.kind === 'missing') throw new Error(binding.message)
  core = openCore({
    dataDir: paths.dataDir,
    resourcesDir: paths.resourcesDir,
    migrationsDir: paths.migrationsDir,
    // The key is wrapped by the OS key store of this account; a failure reaches the first screen as a message.
    databaseKey: () =>
      loadOrCreateWrappedKey(
        join(paths.dataDir, 'registrar.key.wrapped'),
        join(paths.dataDir, 'registrar.db'),
        safeStorage
      ),
    nativeBinding: binding.kind === 'electron' ? binding.path : undefined
  })
  sync = startBackgroundSync(core.deps())
  registerIpc(core, devServerUrl)
  createMainWindow(devServerUrl)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServerUrl)
  })
})

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
app.on('window-all-closed', () => {
  sync?.stop()
  core?.close()
  core = null
  app.quit()
})
