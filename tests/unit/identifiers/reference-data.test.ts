import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { checkInn, checkOgrn } from '../../../src-main/contract/identifiers'
import {
  ReferenceDataError,
  importIcd10Csv,
  loadReferenceData,
  referenceFiles,
  type ReferenceData
} from '../../../src-main/core/reference/reference-data'

const shippedDir = fileURLToPath(new URL('../../../resources/reference', import.meta.url))

describe('shipped reference data', () => {
  let data: ReferenceData
  beforeAll(async () => {
    data = await loadReferenceData(shippedDir)
  })

  it('lists all 89 subjects of the Federation, each code once', () => {
    expect(data.regions).toHaveLength(89)
    expect(new Set(data.regions.map((r) => r.code)).size).toBe(89)
    expect(data.regions.find((r) => r.code === '77')?.name).toBe('Москва')
    expect(data.regions.find((r) => r.code === '78')?.name).toBe('Санкт-Петербург')
  })

  it('flags exactly the four regions whose data never reaches the portal', () => {
    const withoutPortal = data.regions.filter((r) => !r.portalData).map((r) => [r.code, r.name])
    expect(withoutPortal).toEqual([
      ['90', 'Запорожская область'],
      ['93', 'Донецкая Народная Республика'],
      ['94', 'Луганская Народная Республика'],
      ['95', 'Херсонская область']
    ])
  })

  it('gives every demo organisation a valid ОГРН and ИНН, a known region and the demo flag', () => {
    expect(data.organisations.length).toBeGreaterThanOrEqual(12)
    const regionCodes = new Set(data.regions.map((r) => r.code))
    for (const org of data.organisations) {
      expect(checkOgrn(org.ogrn), org.id).toEqual({ ok: true, value: org.ogrn })
      expect(org.ogrn).toHaveLength(13)
      expect(checkInn(org.inn), org.id).toEqual({ ok: true, value: org.inn })
      expect(org.inn).toHaveLength(10)
      expect(org.kpp.slice(0, 4)).toBe(org.inn.slice(0, 4))
      expect(regionCodes.has(org.regionCode), org.id).toBe(true)
      expect(org.demo).toBe(true)
    }
  })

  it('has demo organisations in the regions without portal data, where the app matters most', () => {
    const regions = new Set(data.organisations.map((o) => o.regionCode))
    for (const code of ['90', '93', '94', '95']) expect(regions.has(code), code).toBe(true)
  })

  it('has the document kinds the registry files complaints about', () => {
    const names = data.documentKinds.map((k) => k.name)
    for (const name of [
      'Направление на госпитализацию',
      'Направление на консультацию',
      'Направление на обследование',
      'Направление на медико-социальную экспертизу',
      'Протокол инструментального исследования',
      'Протокол лабораторного исследования',
      'Протокол консультации',
      'Результаты диспансеризации',
      'Результаты профилактического медицинского осмотра',
      'Выписной эпикриз',
      'Медицинское заключение о допуске к занятиям физической культурой и спортом',
      'Рецепт на лекарственный препарат',
      'Медицинская справка'
    ]) {
      expect(names).toContain(name)
    }
  })

  it('has about thirty specialties and the common МКБ-10 codes', () => {
    expect(data.specialties.length).toBeGreaterThanOrEqual(30)
    const icd = new Map(data.icd10.map((e) => [e.code, e.name]))
    expect(icd.size).toBeGreaterThanOrEqual(150)
    expect(icd.get('I10')).toBe('Эссенциальная [первичная] гипертензия')
    expect(icd.get('J06.9')).toBe('Острая инфекция верхних дыхательных путей неуточненная')
    for (const code of ['E11.9', 'M54.5', 'K29.7', 'J45.9', 'Z02.7']) expect(icd.has(code), code).toBe(true)
  })
})

describe('loadReferenceData on a damaged folder', () => {
  const dirs: string[] = []
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
  })

  async function copyWith(file: string, edit: (text: string) => string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'reference-'))
    dirs.push(dir)
    await cp(shippedDir, dir, { recursive: true })
    await writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8')))
    return dir
  }

  async function failure(dir: string): Promise<ReferenceDataError> {
    const error = await loadReferenceData(dir).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ReferenceDataError)
    return error as ReferenceDataError
  }

  it('names the file that is not JSON', async () => {
    const error = await failure(await copyWith(referenceFiles.specialties, (t) => t.slice(0, 200)))
    expect(error.file).toBe('specialties.json')
    expect(error.message).toMatch(/^Справочник specialties\.json: файл повреждён/)
  })

  it('names the file, the record and the field that break the schema, in Russian', async () => {
    const dir = await copyWith(referenceFiles.regions, (t) =>
      t.replace('"portalData": false', '"portalData": "нет"')
    )
    const error = await failure(dir)
    expect(error.message).toContain('regions.json')
    expect(error.message).toMatch(/запись \d+ \(«90»\), поле portalData/)
    expect(error.message).toMatch(/ожидалось boolean/)
  })

  it('rejects an organisation whose ОГРН fails its check', async () => {
    const dir = await copyWith(referenceFiles.organisations, (t) => {
      const json = JSON.parse(t)
      json.items[0].ogrn = json.items[0].ogrn.slice(0, 12) + ((Number(json.items[0].ogrn[12]) + 1) % 10)
      return JSON.stringify(json)
    })
    const error = await failure(dir)
    expect(error.message).toContain('organisations.json')
    expect(error.message).toContain('ОГРН не проходит проверку')
  })

  it('rejects an organisation in a region that does not exist', async () => {
    const dir = await copyWith(referenceFiles.organisations, (t) =>
      t.replace('"regionCode": "77"', '"regionCode": "88"')
    )
    expect((await failure(dir)).message).toMatch(/organisations\.json: .*«88»/)
  })

  it('rejects duplicate codes', async () => {
    const dir = await copyWith(referenceFiles.icd10, (t) => t.replace('"code": "J06.9"', '"code": "I10"'))
    expect((await failure(dir)).message).toBe('Справочник icd10.json: код «I10» встречается дважды')
  })

  it('says which file is missing', async () => {
    const dir = await copyWith(referenceFiles.regions, (t) => t)
    await rm(join(dir, referenceFiles.documentKinds))
    const error = await failure(dir)
    expect(error.file).toBe('document-kinds.json')
    expect(error.message).toContain('файл не найден')
  })
})

describe('importIcd10Csv', () => {
  it('reads «code;name» lines and reports bad ones by line number', () => {
    const text = [
      'J06.9;Острая инфекция верхних дыхательных путей неуточненная',
      '',
      'I10;Эссенциальная [первичная] гипертензия',
      'XYZ;Не код',
      'K29.7;',
      'E11.9',
      'I10;Повтор',
      ';Без кода',
      'M54.5;"Боль внизу спины"'
    ].join('\n')
    const result = importIcd10Csv(text)
    expect(result.entries).toEqual([
      { code: 'J06.9', name: 'Острая инфекция верхних дыхательных путей неуточненная' },
      { code: 'I10', name: 'Эссенциальная [первичная] гипертензия' },
      { code: 'M54.5', name: 'Боль внизу спины' }
    ])
    expect(result.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8])
    expect(result.errors[0].message).toContain('«XYZ» не похоже на код МКБ-10')
    expect(result.errors[1].message).toContain('у кода K29.7 нет названия')
    expect(result.errors[3].message).toBe('код I10 уже встречался в строке 3')
    expect(result.errors[4].message).toBe('нет кода диагноза')
  })

  it('reads TSV, quoted names with delimiters, quotes and line breaks, CRLF and a BOM', () => {
    const text =
      '\uFEFFкод\tнаименование\r\nJ45.9\tАстма неуточненная\r\nK29.9\t"Гастродуоденит, ""неуточненный"""\r\n'
    expect(importIcd10Csv(text).entries).toEqual([
      { code: 'J45.9', name: 'Астма неуточненная' },
      { code: 'K29.9', name: 'Гастродуоденит, "неуточненный"' }
    ])
    const multiline = importIcd10Csv(
      'A09;"Диарея и гастроэнтерит\nпредположительно инфекционного происхождения"\nZZ;x'
    )
    expect(multiline.entries[0].name).toBe(
      'Диарея и гастроэнтерит предположительно инфекционного происхождения'
    )
    expect(multiline.errors).toEqual([{ line: 3, message: '«ZZ» не похоже на код МКБ-10 (пример: J06.9)' }])
  })

  it('fixes codes typed with Cyrillic look-alike letters or a decimal comma', () => {
    // М and Е below are Cyrillic.
    expect(importIcd10Csv('М54.5;Боль внизу спины').entries[0].code).toBe('M54.5')
    expect(importIcd10Csv('Е11.9\tИнсулиннезависимый сахарный диабет без осложнений').entries[0].code).toBe(
      'E11.9'
    )
    expect(importIcd10Csv('j06,9\tОстрая инфекция верхних дыхательных путей').entries[0].code).toBe('J06.9')
  })

  it('picks columns by header in a ФНСИ export, skips headings and inactive rows', () => {
    const text = [
      'ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ACTUAL',
      '1;A00-B99;A00-B99;Некоторые инфекционные и паразитарные болезни;;1',
      '2;A00-A09;A00-A09;Кишечные инфекции;1;1',
      '3;A09;A09;Диарея и гастроэнтерит предположительно инфекционного происхождения;2;1',
      '4;U07.1;U07.1;COVID-19, вирус идентифицирован;;1',
      '5;X99.9;X99.9;Устаревшая рубрика;;0'
    ].join('\n')
    const result = importIcd10Csv(text)
    expect(result.entries.map((e) => e.code)).toEqual(['A09', 'U07.1'])
    expect(result.entries[1].name).toBe('COVID-19, вирус идентифицирован')
    expect(result.skippedHeadings).toBe(2)
    expect(result.errors).toEqual([])
  })

  it('reports an unterminated quote instead of swallowing the rest silently', () => {
    const result = importIcd10Csv('I10;Гипертензия\nJ06.9;"Острая инфекция\nK29.7;Гастрит неуточненный')
    expect(result.entries.map((e) => e.code)).toEqual(['I10'])
    expect(result.errors).toEqual([{ line: 2, message: 'кавычка открыта и не закрыта до конца файла' }])
  })

  it('round-trips the shipped subset', async () => {
    const shipped = JSON.parse(await readFile(join(shippedDir, 'icd10.json'), 'utf8')).items as {
      code: string
      name: string
    }[]
    const csv = shipped.map((e) => `${e.code};"${e.name.replace(/"/g, '""')}"`).join('\n')
    const result = importIcd10Csv(csv)
    expect(result.errors).toEqual([])
    expect(result.entries).toEqual(shipped)
  })
})
