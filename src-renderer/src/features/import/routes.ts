// The import screen, added to the app's router in one line. Only roles that may import reach it.
import type { RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '../../stores/session'
import ImportScreen from './ImportScreen.vue'

export const importRoutes: RouteRecordRaw[] = [
  {
    path: '/import',
    name: 'import',
    component: ImportScreen,
    beforeEnter: () => useSessionStore().can('importFiles') || { name: 'desk' }
  }
]
