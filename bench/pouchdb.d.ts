// The few PouchDB 9 calls the benchmark makes; the packages ship no types of their own.
declare module 'pouchdb-core' {
  interface Database {
    bulkDocs(docs: object[]): Promise<unknown[]>
    destroy(): Promise<void>
  }
  interface PouchStatic {
    new (name: string, options: { adapter: string }): Database
    plugin(plugin: unknown): PouchStatic
    replicate(
      from: Database,
      to: Database,
      options: { batch_size: number }
    ): Promise<{ docs_written: number }>
  }
  const PouchDB: PouchStatic
  export default PouchDB
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}
declare module 'pouchdb-replication' {
  const plugin: unknown
  export default plugin
}
