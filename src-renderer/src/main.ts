// Start-up order matters: the backend (and with it the launch secret) before the stores, the session before the
// router's first guard, so a reload lands on the same screen instead of the sign-in page.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { z } from 'zod'
import App from './App.vue'
import { initBackend } from './api'
import { i18n } from './i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import './styles/base.css'

async function start(): Promise<void> {
  // The contract's schemas check forms here too; their generic messages must be Russian like the core's.
  z.config(z.locales.ru())
  initBackend()
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  await useSessionStore().restore()
  app.use(createAppRouter())
  app.mount('#app')
}

void start()
