// Runs an operating-system command without a shell: arguments go to the program as they are, so a printer name or a
// document title can never be read as shell syntax. Injectable so that tests can play a printer that fails.
import { execFile } from 'node:child_process'

export interface RunResult {
  /** 0 on success; null when the program did not run to an exit code (missing, timed out). */
  exitCode: number | null
  stdout: string
  stderr: string
  /** 'missing': the program is not installed; 'timeout': it was stopped after the time limit. */
  failure?: 'missing' | 'timeout'
}

export type CommandRunner = (file: string, args: readonly string[]) => Promise<RunResult>

const TIMEOUT_MS = 20_000

/**
 * The real runner. CUPS translates its messages to the user's language; the C locale keeps them English, which is
 * what the parsers read (the registrar gets Russian messages from describeCupsFailure instead).
 */
export const execFileRunner: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        timeout: TIMEOUT_MS,
        maxBuffer: 1024 * 1024,
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' }
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ exitCode: 0, stdout, stderr })
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number }
        if (e.code === 'ENOENT') return resolve({ exitCode: null, stdout, stderr, failure: 'missing' })
        if (e.killed) return resolve({ exitCode: null, stdout, stderr, failure: 'timeout' })
        resolve({ exitCode: typeof e.code === 'number' ? e.code : 1, stdout, stderr })
      }
    )
  })
