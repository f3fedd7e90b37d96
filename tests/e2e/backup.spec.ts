// The built browser host makes, lists and restores backups: the copy runs on a worker thread started from the
// bundle in out/main, which must find the driver and key the copy as the store is keyed. (That the desk keeps
// answering meanwhile is proven in tests/unit/backup/backup-worker.test.ts, on a store large enough to tell.)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

interface Backup {
  name: string
  patients: number
}

test('the host backs up the store on a worker, answering the desk meanwhile, and restores the copy', async ({
  demo
}) => {
  const admin = await demo.signIn('admin')
  const registrar = await demo.signIn('registrar')
  const backup = demo.api<Backup>('backup.create', {}, admin)
  const answered = await Promise.all(
    Array.from({ length: 5 }, () => demo.api<unknown[]>('patients.search', { query: 'Иван' }, registrar))
  )
  expect(answered).toHaveLength(5)
  const made = await backup
  expect(made.patients).toBeGreaterThan(0)
  const head = readFileSync(join(demo.dataDir, 'backups', made.name))
    .subarray(0, 15)
    .toString('latin1')
  expect(head).not.toBe('SQLite format 3')
  const list = await demo.api<Backup[]>('backup.list', {}, admin)
  expect(list.map((b) => b.name)).toEqual([made.name])
  const restored = await demo.api<Backup>('backup.restore', { name: made.name }, admin)
  expect(restored.patients).toBe(made.patients)
  expect((await demo.api<Backup[]>('backup.list', {}, admin)).length).toBe(2)
})
