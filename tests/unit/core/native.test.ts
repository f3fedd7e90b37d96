import { describe, expect, it } from 'vitest'
import { chooseNativeBinding, electronBindingPath, planElectronBuild } from '../../../src-main/core/db/native'

const root = '/app'
const linux = { platform: 'linux', arch: 'x64' }

describe('native module choice', () => {
  it('uses npm’s own build under Node', () => {
    expect(chooseNativeBinding(root, linux, () => true)).toEqual({ kind: 'default' })
  })

  it('uses the Electron build from .native when it exists', () => {
    const path = electronBindingPath(root, '39.8.10', 'linux', 'x64')
    expect(path).toBe('/app/.native/electron-39.8.10-linux-x64/better_sqlite3_multiple_ciphers.node')
    expect(chooseNativeBinding(root, { ...linux, electron: '39.8.10' }, (p) => p === path)).toEqual({
      kind: 'electron',
      path
    })
  })

  it('names the command to run when the Electron build is missing', () => {
    const choice = chooseNativeBinding(root, { ...linux, electron: '39.8.10' }, () => false)
    expect(choice.kind).toBe('missing')
    expect(choice.kind === 'missing' && choice.message).toMatch(
      /better-sqlite3-multiple-ciphers.*npm run native:electron/
    )
  })

  it('plans an Electron build only when it is missing, keyed by version', () => {
    expect(planElectronBuild(root, null, linux, () => false)).toBeNull()
    const plan = planElectronBuild(root, '39.8.10', linux, () => false)
    expect(plan?.needed).toBe(true)
    expect(plan?.gypArgs).toContain('--runtime=electron')
    expect(plan?.gypArgs).toContain('--target=39.8.10')
    expect(planElectronBuild(root, '39.8.10', linux, () => true)?.needed).toBe(false)
    expect(planElectronBuild(root, '40.0.0', linux, (p) => p.includes('39.8.10'))?.needed).toBe(true)
  })
})
