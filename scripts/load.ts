// npm run load -- [--desks 50] [--seconds 60] [--think-ms 1000]
// Simulated desks (each a real core on its own SQLite file) register patients and sync against the sync server on
// loopback; prints request counts, failures and latency percentiles per kind of request. Exit 1 on any failure.
import { runLoad } from './load/desks'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const desks = Number(flag('desks') ?? 50)
const seconds = Number(flag('seconds') ?? 60)
const thinkMs = Number(flag('think-ms') ?? 1000)
const ms = (n: number) => n.toFixed(1)

console.log(`Нагрузка: ${desks} рабочих мест, ${seconds} с, пауза между раундами ~${thinkMs} мс`)
const r = await runLoad({ desks, seconds, thinkMs, log: (line) => console.log(`  ${line}`) })
console.log(`Сервер: ${r.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'} на 127.0.0.1, отдельный процесс`)
console.log(
  `Раундов синхронизации: ${r.rounds}, новых пациентов: ${r.patientsCreated}, отправлено изменений: ${r.pushed}, получено: ${r.pulled}`
)
console.log('')
console.log('Время ответа, измеренное рабочими местами:')
console.log('| запрос | всего | ошибок | p50, мс | p99, мс | макс., мс |')
console.log('| --- | --- | --- | --- | --- | --- |')
for (const [path, s] of Object.entries(r.byPath))
  console.log(`| ${path} | ${s.requests} | ${s.failed} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`)
console.log(`| все | ${r.requests} | ${r.failed} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`)
console.log(`Запросов в секунду: ${(r.requests / r.seconds).toFixed(1)}`)
if (r.server) {
  // The desks' figures include their own process being busy (all desks share one Node process); these do not.
  console.log('\nВремя ответа, измеренное в процессе сервера (приход запроса → последний байт ответа):')
  console.log('| запрос | всего | ошибок | p50, мс | p99, мс | макс., мс |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const [path, s] of Object.entries(r.server.byPath))
    console.log(`| ${path} | ${s.requests} | ${s.failed} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`)
  const o = r.server.overall
  console.log(`| все | ${o.requests} | ${o.failed} | ${ms(o.p50)} | ${ms(o.p99)} | ${ms(o.max)} |`)
}
for (const f of r.failures) console.log(`  сбой: ${f}`)
process.exitCode = r.failed === 0 ? 0 : 1
