// npm run kill9 -- [--kills 100] [--seed S] [--phase writes|sync|both] [--source]
// kill -9 of the browser host at random points: first during writes alone, then during writes and sync with a
// server on loopback. Prints what was acknowledged, what the store held afterwards, and exits 1 on any loss.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runKillCampaign, type KillReport } from './kill9/campaign'
import { projectRoot } from './support/host-process'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const kills = Number(flag('kills') ?? 100)
const seed = Number(flag('seed') ?? Date.now() % 1_000_000)
// The built host starts in a fraction of the time tsx needs; a hundred restarts add up.
const built = !process.argv.includes('--source') && existsSync(join(projectRoot, 'out/main/host.js'))

function show(title: string, r: KillReport): boolean {
  const ok =
    r.missing.length === 0 &&
    r.duplicated.length === 0 &&
    r.integrity === 'ok' &&
    r.auditOk &&
    r.serverMismatch.length === 0
  console.log(`\n${title}`)
  console.log('| показатель | значение |')
  console.log('| --- | --- |')
  console.log(
    `| kill -9 | ${r.kills} (${Object.entries(r.killedDuring)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}) |`
  )
  console.log(`| подтверждено записей | пациенты ${r.ackedPatients}, заявления ${r.ackedRequests} |`)
  console.log(`| без ответа (kill раньше ответа) | ${r.inDoubt}, из них записаны ${r.inDoubtLanded} |`)
  console.log(
    `| потеряно подтверждённых | ${r.missing.length}${r.missing.length ? ` (${r.missing.slice(0, 5).join(', ')})` : ''} |`
  )
  console.log(
    `| записано дважды | ${r.duplicated.length}${r.duplicated.length ? ` (${r.duplicated.slice(0, 5).join(', ')})` : ''} |`
  )
  console.log(`| PRAGMA integrity_check | ${r.integrity} |`)
  console.log(`| цепочка аудита | ${r.auditOk ? 'цела' : 'НАРУШЕНА'}, событий ${r.auditChecked} |`)
  if (r.serverPatients !== null)
    console.log(`| на сервере пациентов | ${r.serverPatients}, расхождений ${r.serverMismatch.length} |`)
  console.log(`| перезапуск хоста, среднее | ${r.meanRestartMs.toFixed(0)} мс |`)
  console.log(`| время | ${r.seconds.toFixed(0)} с |`)
  console.log(ok ? 'Итог: ничего не потеряно' : 'Итог: ЕСТЬ ПОТЕРИ ИЛИ ПОВРЕЖДЕНИЯ')
  return ok
}

console.log(
  `kill -9 хоста: ${kills} раз при записи и ${kills} раз при записи с синхронизацией; seed ${seed}; ${built ? 'собранный' : 'исходный'} хост`
)
const log = (line: string) => console.log(`  ${line}`)
const phase = flag('phase') ?? 'both'
let ok = true
if (phase !== 'sync') {
  const writes = await runKillCampaign({ kills, sync: false, seed, built, log })
  ok = show('Запись через API', writes) && ok
}
if (phase !== 'writes') {
  const synced = await runKillCampaign({ kills, sync: true, seed: seed + 1, built, log })
  ok = show('Запись и синхронизация с сервером', synced) && ok
}
process.exitCode = ok ? 0 : 1
