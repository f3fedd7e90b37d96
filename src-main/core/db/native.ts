// The store's driver, better-sqlite3-multiple-ciphers (better-sqlite3 built with SQLite Multiple Ciphers), is a
// native module: Node (tests, browser host) and Electron (the app) need different builds. Node's build stays where
// npm put it; Electron's lives beside it in .native/, keyed by Electron version and platform, and is passed to the
// driver as `nativeBinding`. Neither build overwrites the other, so `npm test` and `npm start` work in either order.
import { join } from 'node:path'

/** The npm package whose native module the store loads. */
export const driverPackage = 'better-sqlite3-multiple-ciphers'

export interface RuntimeInfo {
  /** process.versions.electron when running inside Electron. */
  electron?: string
  platform: string
  arch: string
}

export function electronBindingPath(
  projectRoot: string,
  electronVersion: string,
  platform: string,
  arch: string
) {
  return join(
    projectRoot,
    '.native',
    `electron-${electronVersion}-${platform}-${arch}`,
    // Named for the ciphers build: a plain better-sqlite3 build left here by an older checkout is never loaded.
    'better_sqlite3_multiple_ciphers.node'
  )
}

export type BindingChoice =
  | { kind: 'default' }
  | { kind: 'electron'; path: string }
  | { kind: 'missing'; path: string; message: string }

/** Which native binding to load in the running process. */
export function chooseNativeBinding(
  projectRoot: string,
  runtime: RuntimeInfo,
  exists: (path: string) => boolean
): BindingChoice {
  if (!runtime.electron) return { kind: 'default' }
  const path = electronBindingPath(projectRoot, runtime.electron, runtime.platform, runtime.arch)
  if (exists(path)) return { kind: 'electron', path }
  return {
    kind: 'missing',
    path,
    message: `Нет сборки ${driverPackage} для Electron ${runtime.electron}: выполните «npm run native:electron».`
  }
}

export interface ElectronBuildPlan {
  needed: boolean
  target: string
  /** node-gyp arguments for building against Electron's headers in a scratch copy of the driver package. */
  gypArgs: string[]
}

export function planElectronBuild(
  projectRoot: string,
  electronVersion: string | null,
  runtime: Omit<RuntimeInfo, 'electron'>,
  exists: (path: string) => boolean
): ElectronBuildPlan | null {
  if (!electronVersion) return null
  const target = electronBindingPath(projectRoot, electronVersion, runtime.platform, runtime.arch)
  return {
    needed: !exists(target),
    target,
    gypArgs: [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${runtime.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers'
    ]
  }
}
