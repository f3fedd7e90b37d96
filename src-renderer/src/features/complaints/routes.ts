// Screens of complaints and of documents that arrived, added to the app's router in one line.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import ComplaintPrintScreen from './ComplaintPrintScreen.vue'
import ComplaintScreen from './ComplaintScreen.vue'
import DocumentArrivalScreen from './DocumentArrivalScreen.vue'
import MissingComplaintScreen from './MissingComplaintScreen.vue'

export const complaintRoutes: RouteRecordRaw[] = [
  {
    path: '/patients/:id/complaints/new',
    name: 'complaint-new',
    component: MissingComplaintScreen,
    props: true
  },
  {
    path: '/patients/:id/documents/new',
    name: 'document-new',
    component: DocumentArrivalScreen,
    props: true
  },
  // The scanner opens a complaint by this name (features/scan/ScanHost.vue).
  { path: '/complaints/:id', name: 'complaint', component: ComplaintScreen, props: true },
  {
    path: '/complaints/:id/print/:paper(receipt|letter)',
    name: 'complaint-print',
    component: ComplaintPrintScreen,
    props: (route: RouteLocationNormalized) => ({
      id: String(route.params.id),
      paper: route.params.paper === 'letter' ? 'letter' : 'receipt',
      reprint: route.query.reprint === '1'
    })
  }
]
