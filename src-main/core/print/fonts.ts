// PT Sans (ParaType, OFL), made for Russian text, read from the npm package @expo-google-fonts/pt-sans. The files are
// read once per process and kept as base64: every document embeds the font, but parsing the file from disk for each
// one would cost more than drawing a page.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { jsPDF } from 'jspdf'

export const FONT = 'PTSans'

const files = {
  normal: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'
} as const

type Style = keyof typeof files

let loaded: Record<Style, string> | null = null

function fontData(): Record<Style, string> {
  if (!loaded) {
    const require = createRequire(import.meta.url)
    const read = (id: string) => readFileSync(require.resolve(id)).toString('base64')
    loaded = { normal: read(files.normal), bold: read(files.bold) }
  }
  return loaded
}

/** Registers regular and bold PT Sans with one document and makes regular current. */
export function useDocumentFont(doc: jsPDF): void {
  const data = fontData()
  for (const style of ['normal', 'bold'] as const) {
    const file = `${FONT}-${style}.ttf`
    doc.addFileToVFS(file, data[style])
    doc.addFont(file, FONT, style)
  }
  doc.setFont(FONT, 'normal')
}
