export * from './commands'
export * from './errors'
export * from './schemas'
export * from './validation'
