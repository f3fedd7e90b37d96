// Runs one command for a button or form: disables it while running and keeps the core's Russian message.
import { ref } from 'vue'
import { BackendError } from '../api'
import { i18n } from '../i18n'

export function useAction() {
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    error.value = null
    try {
      return await action()
    } catch (failure) {
      if (failure instanceof BackendError) error.value = failure.message
      else {
        // A fault of the screen itself: the registrar gets a sentence, the console (and the tests) the details.
        console.error(failure)
        error.value = i18n.global.t('errors.uiFault')
      }
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
