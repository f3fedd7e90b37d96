// Commands of the backup area: the administrator's copies of the desk's store.
import { z } from 'zod'
import { command, Empty } from './command'

export const BackupInfo = z.object({
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  patients: z.number().int()
})

export const backupCommands = {
  'backup.list': command({
    doc: 'Backups of this desk’s store, newest first.',
    input: Empty,
    output: z.array(BackupInfo)
  }),
  'backup.create': command({ doc: 'Make a verified online backup now.', input: Empty, output: BackupInfo }),
  'backup.restore': command({
    doc: 'Restore the store from a backup (a backup of the current state is made first).',
    input: z.object({ name: z.string().max(80) }),
    output: BackupInfo
  })
} as const
