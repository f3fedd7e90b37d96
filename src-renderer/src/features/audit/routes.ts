// The auditor's screen, added to the app's router in one line.
import type { RouteRecordRaw } from 'vue-router'
import AuditScreen from './AuditScreen.vue'

export const auditRoutes: RouteRecordRaw[] = [{ path: '/audit', name: 'audit', component: AuditScreen }]
