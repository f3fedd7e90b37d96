// An overdue complaint needs the core's clock set back: it is made by opening the core in this process on the data
// folder before the host starts on it (tests/e2e/host.ts startHost's `prepare`).
import { join } from 'node:path'
import type { CommandInput, CommandName, CommandOutput } from '../../src-main/contract/commands'
import { openCore } from '../../src-main/core/app'
import { dataFolderKey } from '../../src-main/core/db/key-file'
import { fixedClock } from '../../src-main/core/clock'
import { daysAgo, type Filed } from './complaint-seed'
import { root } from './host'

/**
 * The demo clinic as it stood `days` ago, with a discrepancy complaint filed that day: its 5 business days are long
 * gone by today. Runs before the host opens the folder.
 */
export async function seedPastComplaint(
  dataDir: string,
  days: number
): Promise<Filed & { patientName: string }> {
  const core = openCore({
    dataDir,
    // The host opens this folder next, with the key file it finds there.
    databaseKey: dataFolderKey(dataDir),
    resourcesDir: join(root, 'resources'),
    migrationsDir: join(root, 'drizzle'),
    clock: fixedClock(`${daysAgo(days)}T10:00:00`),
    scheduleBackups: false
  })
  const call = async <N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    token: string | null = null
  ) => {
    const result = await core.dispatch(name, input, token)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.value as CommandOutput<N>
  }
  try {
    await call('system.setupDemo', { patients: 60 })
    const { token } = await call('auth.signIn', { login: 'registrar', password: 'demo1234' })
    const patient = await call(
      'patients.create',
      { draft: { lastName: 'Просроченная', firstName: 'Анна', sex: 'F', birthDate: '1959-09-09' } },
      token
    )
    const doc = await call(
      'documents.register',
      {
        patientId: patient.id,
        kindCode: 'protocol-lab',
        number: 'Л-0042',
        date: daysAgo(days + 3),
        organisationId: 'msk-gp-240',
        authorName: 'Иванова Анна Андреевна',
        authorRole: 'врач клинической лабораторной диагностики',
        title: 'Общий анализ крови',
        content: 'Гемоглобин 131 г/л'
      },
      token
    )
    const filed = await call(
      'complaints.fileDiscrepancy',
      { documentId: doc.document.id, field: 'lab_results', paperValue: 'Гемоглобин 113 г/л' },
      token
    )
    return filed
  } finally {
    core.close()
  }
}
