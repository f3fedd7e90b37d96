import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores on the CI machine: more workers only thrash.
    maxWorkers: 2,
    testTimeout: 20_000
  }
})
