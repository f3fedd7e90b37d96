import { describe, expect, it } from 'vitest'
import { ArgsError, parseHostArgs } from '../../../src-main/host/args'

describe('parseHostArgs', () => {
  it('defaults to ./data and a free port', () => {
    expect(parseHostArgs([])).toEqual({ dataDir: 'data', port: 0, help: false })
  })

  it('reads flags in both spellings', () => {
    expect(parseHostArgs(['--data', '/tmp/d', '--port', '8080', '--workstation', 'Окно 3'])).toEqual({
      dataDir: '/tmp/d',
      port: 8080,
      workstationName: 'Окно 3',
      help: false
    })
    expect(parseHostArgs(['--data=/tmp/e', '--port=0'])).toMatchObject({ dataDir: '/tmp/e', port: 0 })
    expect(parseHostArgs(['--key-file', '/secure/desk.key']).keyFile).toBe('/secure/desk.key')
  })

  it('refuses a bad port, a missing value and an unknown flag', () => {
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(ArgsError)
    expect(() => parseHostArgs(['--port', '-1'])).toThrow(ArgsError)
    expect(() => parseHostArgs(['--port', '80a'])).toThrow(ArgsError)
    expect(() => parseHostArgs(['--data'])).toThrow(ArgsError)
    expect(() => parseHostArgs(['--verbose'])).toThrow(/Неизвестный флаг/)
  })

  it('asks for help', () => {
    expect(parseHostArgs(['--help']).help).toBe(true)
  })
})
