import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The renderer's pure helpers under test import the contract as the renderer does.
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores on the CI machine: more workers only thrash.
    maxWorkers: 2,
    testTimeout: 20_000
  }
})
