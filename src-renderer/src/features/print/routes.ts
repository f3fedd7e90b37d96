// Screens of printing and handing over, added to the app's router in one line.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import IssuanceJournalScreen from '../issuance/IssuanceJournalScreen.vue'
import PrintScreen from './PrintScreen.vue'
import type { PrintKind } from '../../stores/print'

function printProps(kind: PrintKind) {
  return (route: RouteLocationNormalized) => ({
    kind,
    id: String(route.params.id),
    patientId: typeof route.params.patientId === 'string' ? route.params.patientId : undefined,
    reprint: route.query.reprint === '1',
    issue: route.query.issue === '1'
  })
}

export const printRoutes: RouteRecordRaw[] = [
  {
    path: '/requests/:id/print',
    name: 'request-print',
    component: PrintScreen,
    props: printProps('extract')
  },
  {
    path: '/requests/:id/receipt',
    name: 'request-receipt',
    component: PrintScreen,
    props: printProps('request_receipt')
  },
  {
    path: '/patients/:patientId/documents/:id/print',
    name: 'document-print',
    component: PrintScreen,
    props: printProps('emd_copy')
  },
  { path: '/issuances', name: 'issuances', component: IssuanceJournalScreen }
]
