// Drizzle schema of the desk's local store. Every record a desk can change carries `version` (the base version for
// the sync outbox) and `updatedAt`; journals (status history, issuances, audit) are insert-only.
// The tables live in ./tables by area; this file is the one schema drizzle-kit reads and the rest of the code imports.
export * from './tables/system'
export * from './tables/care'
export * from './tables/requests'
export * from './tables/journal'
