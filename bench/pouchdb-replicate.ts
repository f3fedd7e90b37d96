// What a team would pick instead of our sync: PouchDB replicating between two databases (the in-memory adapter, so
// that neither side waits for a disk), with the same records our desks exchange.
import PouchDB from 'pouchdb-core'
import memory from 'pouchdb-adapter-memory'
import replication from 'pouchdb-replication'

PouchDB.plugin(memory).plugin(replication)

let opened = 0

/** Milliseconds to replicate the records from one fresh database to another; filling the first is not timed. */
export async function pouchReplicate(
  records: { id: string; fields: Record<string, unknown> }[]
): Promise<number> {
  const run = ++opened
  const from = new PouchDB(`bench-from-${run}`, { adapter: 'memory' })
  const to = new PouchDB(`bench-to-${run}`, { adapter: 'memory' })
  try {
    for (let i = 0; i < records.length; i += 1000)
      await from.bulkDocs(records.slice(i, i + 1000).map((r) => ({ ...r.fields, _id: r.id })))
    const started = performance.now()
    const result = await PouchDB.replicate(from, to, { batch_size: 500 })
    const took = performance.now() - started
    if (result.docs_written !== records.length)
      throw new Error(`PouchDB wrote ${result.docs_written} of ${records.length} records`)
    return took
  } finally {
    await from.destroy()
    await to.destroy()
  }
}
