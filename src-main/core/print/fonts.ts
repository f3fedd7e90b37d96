// PT Sans (ParaType, OFL), made for Russian text, read from the npm package @expo-google-fonts/pt-sans. Each file is
// read and parsed once per process (font-cache.ts): every document embeds the font, but parsing it for each one
// would cost more than drawing a page.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { jsPDF } from 'jspdf'
import { addParsedFont, PARSED_FONT_MARK } from './font-cache'

export const FONT = 'PTSans'

const files = {
  normal: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'
} as const

function readFont(id: string): Uint8Array {
  const require = createRequire(import.meta.url)
  return new Uint8Array(readFileSync(require.resolve(id)))
}

/** Registers regular and bold PT Sans with one document and makes regular current. */
export function useDocumentFont(doc: jsPDF): void {
  for (const style of ['normal', 'bold'] as const) {
    const file = `${FONT}-${style}.ttf`
    doc.addFileToVFS(file, PARSED_FONT_MARK)
    addParsedFont(doc, file, FONT, style, files[style], () => readFont(files[style]))
  }
  doc.setFont(FONT, 'normal')
}
