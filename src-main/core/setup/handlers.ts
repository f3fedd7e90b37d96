import type { HandlerMap } from '../handlers'
import { setupClinic, setupDemo, systemStatus } from './setup-service'

export const systemHandlers: HandlerMap<'system.status' | 'system.setupDemo' | 'system.setupClinic'> = {
  'system.status': (_input, { deps }) => systemStatus(deps),
  'system.setupDemo': (input, { deps }) => setupDemo(deps, input),
  'system.setupClinic': (input, { deps }) => setupClinic(deps, input)
}
