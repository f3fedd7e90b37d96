// The reports screen, added to the app's router in one line. It loads on first use: Chart.js and the report views
// are not needed for the desk's start-up.
import type { RouteRecordRaw } from 'vue-router'

export const reportRoutes: RouteRecordRaw[] = [
  { path: '/reports', name: 'reports', component: () => import('./ReportsScreen.vue') }
]
