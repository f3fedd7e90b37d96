// Screens and the guard that sends the registrar to first run, sign-in or their home screen.
import { createRouter, createWebHashHistory, type RouteLocationRaw } from 'vue-router'
import { useSessionStore } from './stores/session'
import { useSystemStore } from './stores/system'
import FirstRunScreen from './features/setup/FirstRunScreen.vue'
import SignInScreen from './features/auth/SignInScreen.vue'
import DeskScreen from './features/desk/DeskScreen.vue'
import PatientCardScreen from './features/patient/PatientCardScreen.vue'
import PatientFormScreen from './features/patient/PatientFormScreen.vue'
import NewRequestScreen from './features/request/NewRequestScreen.vue'
import RequestScreen from './features/request/RequestScreen.vue'
import SettingsScreen from './features/settings/SettingsScreen.vue'
import { printRoutes } from './features/print/routes'
import { complaintRoutes } from './features/complaints/routes'
import { syncRoutes } from './features/sync/routes'
import { importRoutes } from './features/import/routes'
import { reportRoutes } from './features/reports/routes'
import { auditRoutes } from './features/audit/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown without a session (first run, sign-in). */
    public?: boolean
  }
}

export function createAppRouter() {
  // The route lives in the fragment in both shells: Electron loads the page from a file, and the build's relative
  // asset paths (needed for file://) would break on a reload of a deep path like /patients/… in the browser.
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/setup', name: 'setup', component: FirstRunScreen, meta: { public: true } },
      { path: '/sign-in', name: 'sign-in', component: SignInScreen, meta: { public: true } },
      { path: '/', name: 'desk', component: DeskScreen },
      { path: '/patients/new', name: 'patient-new', component: PatientFormScreen },
      { path: '/patients/:id', name: 'patient', component: PatientCardScreen, props: true },
      { path: '/patients/:id/edit', name: 'patient-edit', component: PatientFormScreen, props: true },
      { path: '/patients/:id/requests/new', name: 'request-new', component: NewRequestScreen, props: true },
      { path: '/requests/:id', name: 'request', component: RequestScreen, props: true },
      { path: '/settings', name: 'settings', component: SettingsScreen },
      ...printRoutes,
      ...complaintRoutes,
      ...syncRoutes,
      ...importRoutes,
      ...reportRoutes,
      ...auditRoutes,
      { path: '/:rest(.*)*', redirect: '/' }
    ]
  })

  router.beforeEach(async (to): Promise<boolean | RouteLocationRaw> => {
    const system = useSystemStore()
    if (!system.status) {
      try {
        await system.load()
      } catch {
        // App.vue shows why the core cannot be reached and offers to retry.
        return true
      }
    }
    if (!system.status?.initialized) return to.name === 'setup' ? true : { name: 'setup' }
    if (to.name === 'setup') return { name: 'sign-in' }
    const session = useSessionStore()
    // After signing in, the registrar lands where they were going (a reload after the session ended, a link).
    if (!session.session)
      return to.meta.public
        ? true
        : { name: 'sign-in', query: to.name === 'desk' ? {} : { next: to.fullPath } }
    if (to.meta.public) return homeFor(session.can('readPatients'))
    // An administrator does not work with patients: their home is the settings screen.
    if (to.name === 'desk' && !session.can('readPatients')) return { name: 'settings' }
    return true
  })

  return router
}

function homeFor(readsPatients: boolean): RouteLocationRaw {
  return readsPatients ? { name: 'desk' } : { name: 'settings' }
}
