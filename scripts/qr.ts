// npm run qr -- request [--number N] [--snils S] [--enp E] [--last L --first F --middle M] [--birth YYYY-MM-DD]
//                       [--kind full|brief] [--from D] [--to D] [--days-valid 30] [--out FILE.png]
// npm run qr -- samples --db FILE [--key-file FILE] [--out DIR]
// Makes request QR codes signed by the demo portal key that the demo clinic trusts: what a patient would bring.
import { fileURLToPath } from 'node:url'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { isPlainDatabaseFile, openDatabaseFile } from '../src-main/core/db/cipher'
import { loadOrCreateKeyFile } from '../src-main/core/db/key-file'
import { loadDemoPortalKey, signRequestPayload } from '../src-main/core/qr/request-issuer'

const root = fileURLToPath(new URL('..', import.meta.url))
const portal = loadDemoPortalKey(join(root, 'resources'))
const [mode, ...rest] = process.argv.slice(2)

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

async function writeCode(text: string, file: string): Promise<void> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  await QRCode.toFile(file, text, { errorCorrectionLevel: 'M', margin: 4, width: 400 })
  console.log(`${file}: ${Buffer.byteLength(text)} байт, QR версии ${qr.version} (коррекция M)`)
}

async function request(): Promise<void> {
  const { values } = parseArgs({
    args: rest,
    options: {
      number: {
        type: 'string',
        default: `В-${new Date().getFullYear()}-${String(Date.now() % 1_000_000).padStart(6, '0')}`
      },
      snils: { type: 'string', default: '' },
      enp: { type: 'string', default: '' },
      last: { type: 'string', default: 'Ёлкина' },
      first: { type: 'string', default: 'Мария' },
      middle: { type: 'string', default: 'Ивановна' },
      birth: { type: 'string', default: '1985-06-15' },
      kind: { type: 'string', default: 'full' },
      from: { type: 'string', default: isoDaysFromNow(-365) },
      to: { type: 'string', default: isoDaysFromNow(0) },
      'days-valid': { type: 'string', default: '30' },
      out: { type: 'string', default: 'request-qr.png' }
    }
  })
  if (!values.snils && !values.enp) throw new Error('Укажите --snils или --enp пациента')
  const text = signRequestPayload(portal, {
    number: values.number!,
    snils: values.snils!.replace(/\D/g, '') || null,
    enp: values.enp!.replace(/\D/g, '') || null,
    lastName: values.last!,
    firstName: values.first!,
    middleName: values.middle || null,
    birthDate: values.birth!,
    extractKind: values.kind === 'brief' ? 'brief' : 'full',
    periodFrom: values.from!,
    periodTo: values.to!,
    issuedAt: new Date().toISOString(),
    expiresOn: isoDaysFromNow(Number(values['days-valid']))
  })
  console.log(text)
  await writeCode(text, resolve(values.out!))
}

/** Sample codes for the demo clinic in a database file: two known patients, one stranger, one bare ЕНП. */
async function samples(): Promise<void> {
  const { values } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      'key-file': { type: 'string' },
      out: { type: 'string', default: 'qr-samples' }
    }
  })
  if (!values.db) throw new Error('Укажите --db FILE: базу демо-клиники (npm run demo)')
  const file = resolve(values.db)
  // A demo store made before encryption is still plain; an encrypted one needs the key file made with it.
  const key = isPlainDatabaseFile(file)
    ? 'unencrypted'
    : loadOrCreateKeyFile(resolve(values['key-file'] ?? join(dirname(file), 'registrar.key')), file)
  const db = openDatabaseFile(file, { key, readonly: true, fileMustExist: true })
  const people = db
    .prepare(
      "SELECT last_name, first_name, middle_name, birth_date, snils, enp FROM patients WHERE birth_date < date('now', '-18 years') AND merged_into IS NULL ORDER BY snils LIMIT 2"
    )
    .all() as {
    last_name: string
    first_name: string
    middle_name: string | null
    birth_date: string
    snils: string
    enp: string
  }[]
  db.close()
  const out = resolve(values.out!)
  mkdirSync(out, { recursive: true })
  const year = new Date().getFullYear()
  let n = 900
  for (const p of people) {
    n++
    const text = signRequestPayload(portal, {
      number: `В-${year}-000${n}`,
      snils: p.snils,
      enp: p.enp,
      lastName: p.last_name,
      firstName: p.first_name,
      middleName: p.middle_name,
      birthDate: p.birth_date,
      extractKind: n % 2 ? 'full' : 'brief',
      periodFrom: isoDaysFromNow(-365),
      periodTo: isoDaysFromNow(0),
      issuedAt: new Date().toISOString(),
      expiresOn: isoDaysFromNow(30)
    })
    await writeCode(text, join(out, `request-${p.last_name}.png`))
  }
  const stranger = signRequestPayload(portal, {
    number: `В-${year}-000999`,
    snils: '11223344595',
    enp: null,
    lastName: 'Новикова',
    firstName: 'Алёна',
    middleName: 'Сергеевна',
    birthDate: '1992-09-30',
    extractKind: 'full',
    periodFrom: isoDaysFromNow(-730),
    periodTo: isoDaysFromNow(0),
    issuedAt: new Date().toISOString(),
    expiresOn: isoDaysFromNow(30)
  })
  await writeCode(stranger, join(out, 'request-new-patient.png'))
  if (people[0]) await writeCode(people[0].enp, join(out, 'enp.png'))
}

const run = mode === 'request' ? request : mode === 'samples' ? samples : null
if (!run) {
  console.error('Использование: npm run qr -- request --snils … | npm run qr -- samples --db FILE')
  process.exit(2)
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
