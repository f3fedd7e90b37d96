// The shell's security rules as pure functions, so that each is unit-tested apart from Electron.
export const APP_PROTOCOL_ORIGINS = ['file://'] as const

/** The renderer's own pages: the built files (file://) or, in development only, the Vite dev server. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') return true
  if (!devServerUrl) return false
  const dev = new URL(devServerUrl)
  return parsed.origin === dev.origin
}

/** Navigation away from the app's page is never allowed: links to the outside world do nothing. */
export function mayNavigate(
  targetUrl: string,
  currentUrl: string,
  devServerUrl: string | undefined
): boolean {
  if (!isAppUrl(targetUrl, devServerUrl)) return false
  try {
    const target = new URL(targetUrl)
    const current = new URL(currentUrl)
    return target.protocol === current.protocol && target.pathname === current.pathname
  } catch {
    return false
  }
}

/** The camera (for QR codes) is the only permission, and only for the app's own page. */
export function mayGrantPermission(
  permission: string,
  requestingUrl: string,
  devServerUrl: string | undefined
): boolean {
  return permission === 'media' && isAppUrl(requestingUrl, devServerUrl)
}

/** IPC is accepted only from the app's main frame. */
export function mayHandleIpc(
  senderUrl: string | undefined,
  isMainFrame: boolean,
  devServerUrl: string | undefined
): boolean {
  return isMainFrame && typeof senderUrl === 'string' && isAppUrl(senderUrl, devServerUrl)
}

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  // The print preview shows the core's PDF from a blob: URL in a frame; nothing else may be framed.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false
} as const
