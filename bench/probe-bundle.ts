// The start-up probe is bundled as the app's main process is (vite, dependencies left to node_modules), so that the
// measure does not include compiling TypeScript on the fly, which the packaged app never does.
import { join } from 'node:path'
import { build } from 'vite'
import { projectRoot } from './paths'

export async function bundleStartupProbe(): Promise<string> {
  const outDir = join(projectRoot, 'bench', '.data', 'probe')
  await build({
    configFile: false,
    logLevel: 'warn',
    root: projectRoot,
    build: {
      ssr: join(projectRoot, 'bench', 'startup-probe.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'startup-probe.mjs' } }
    }
  })
  return join(outDir, 'startup-probe.mjs')
}
