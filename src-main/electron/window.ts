import { BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { contentSecurityPolicy, mayGrantPermission, mayNavigate, webPreferences } from './security'

export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Регистратура',
    autoHideMenuBar: true,
    webPreferences: { ...webPreferences, preload: join(__dirname, '../preload/index.js') }
  })
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((wc, permission, callback) =>
    callback(mayGrantPermission(permission, wc.getURL(), devServerUrl))
  )
  ses.setPermissionCheckHandler((wc, permission) =>
    mayGrantPermission(permission, wc?.getURL() ?? '', devServerUrl)
  )
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] }
    })
  )
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url, win.webContents.getURL(), devServerUrl)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}
