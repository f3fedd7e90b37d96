// Screens of sync, added to the app's router in one line.
import type { RouteRecordRaw } from 'vue-router'
import SyncTasksScreen from './SyncTasksScreen.vue'

export const syncRoutes: RouteRecordRaw[] = [
  // The status line's task count and F8 lead here.
  { path: '/sync/tasks', name: 'sync-tasks', component: SyncTasksScreen }
]
