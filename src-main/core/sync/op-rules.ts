// Whether a change may enter the log: the same checks on the server as on a desk. Pure, shared with src-server.
import { columnsOf, bookkeeping, specOf, type ChildRule, type EntitySpec } from './entities'

export type OpCheck =
  { ok: true; spec: EntitySpec; fields: Record<string, unknown> } | { ok: false; message: string }

const MAX_TEXT = 200_000

function checkValue(
  key: string,
  value: unknown,
  column: { notNull: boolean; columnType: string; enumValues?: readonly string[] }
): string | null {
  if (value === null) return column.notNull ? `Поле ${key} обязательно` : null
  switch (column.columnType) {
    case 'SQLiteBoolean':
      return typeof value === 'boolean' ? null : `Поле ${key}: ожидалось да/нет`
    case 'SQLiteInteger':
      return Number.isSafeInteger(value) ? null : `Поле ${key}: ожидалось целое число`
    case 'SQLiteTextJson':
      return JSON.stringify(value).length <= MAX_TEXT ? null : `Поле ${key} слишком длинное`
    default:
      if (typeof value !== 'string') return `Поле ${key}: ожидалась строка`
      if (value.length > MAX_TEXT) return `Поле ${key} слишком длинное`
      if (column.enumValues && !column.enumValues.includes(value))
        return `Поле ${key}: недопустимое значение «${value.slice(0, 40)}»`
      return null
  }
}

function checkChildren(rule: ChildRule, parentId: string, value: unknown): string | null {
  if (!Array.isArray(value) || value.length > 500) return `Поле ${rule.field}: ожидался список`
  const columns = columnsOf(rule.table)
  for (const row of value) {
    if (typeof row !== 'object' || row === null) return `Поле ${rule.field}: ожидался список записей`
    const r = row as Record<string, unknown>
    for (const [k, v] of Object.entries(r)) {
      const column = columns[k]
      if (!column) return `Поле ${rule.field}.${k} неизвестно`
      const problem = checkValue(`${rule.field}.${k}`, v, column)
      if (problem) return problem
    }
    for (const [k, column] of Object.entries(columns)) {
      if (k === rule.parentColumn) continue
      if (column.notNull && !column.hasDefault && r[k] === undefined)
        return `Поле ${rule.field}.${k} обязательно`
    }
    if (r[rule.parentColumn] !== undefined && r[rule.parentColumn] !== parentId)
      return `Поле ${rule.field}: запись другого документа`
  }
  return null
}

/**
 * Checks one op against its entity's columns and rules. Bookkeeping and desk-only columns are dropped rather than
 * refused: they are the desk's own business. Returns the fields the server may store.
 */
export function checkOp(op: {
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
}): OpCheck {
  const spec = specOf(op.entity)
  if (!spec) return { ok: false, message: `Неизвестный вид записи «${op.entity.slice(0, 40)}»` }
  if (op.op === 'delete') {
    return spec.deletable
      ? { ok: true, spec, fields: {} }
      : { ok: false, message: 'Такие записи не удаляются: их объединяют или отменяют' }
  }
  if (spec.kind === 'journal' && op.op !== 'insert')
    return { ok: false, message: 'Журнал только дополняется: запись в нём изменить нельзя' }
  if (spec.name === 'sync_task' && op.op === 'insert')
    return { ok: false, message: 'Задачи синхронизации создаёт только сервер' }
  if (spec.kind === 'credential') {
    const hash = op.fields.passwordHash
    if (typeof hash !== 'string' || !/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(hash))
      return { ok: false, message: 'Пароль передан в неизвестном виде' }
    return { ok: true, spec, fields: { passwordHash: hash } }
  }
  const columns = columnsOf(spec.table!)
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(op.fields)) {
    if (bookkeeping.has(key) || spec.localOnly.includes(key)) continue
    if (key === 'id') {
      if (value !== op.entityId) return { ok: false, message: 'Номер записи не совпадает с её полями' }
      continue
    }
    const child = spec.children.find((c) => c.field === key)
    if (child) {
      const problem = checkChildren(child, op.entityId, value)
      if (problem) return { ok: false, message: problem }
      fields[key] = value
      continue
    }
    const column = columns[key]
    if (!column) return { ok: false, message: `Поле «${key.slice(0, 40)}» неизвестно` }
    if (op.op === 'update' && spec.immutable.includes(key))
      return { ok: false, message: `Поле ${key} задаётся при создании и не меняется` }
    const problem = checkValue(key, value, column)
    if (problem) return { ok: false, message: problem }
    fields[key] = value
  }
  if (op.op === 'insert') {
    for (const [key, column] of Object.entries(columns)) {
      if (key === 'id' || bookkeeping.has(key) || spec.localOnly.includes(key)) continue
      if (column.notNull && !column.hasDefault && fields[key] === undefined)
        return { ok: false, message: `Поле ${key} обязательно` }
    }
  } else if (Object.keys(fields).length === 0) {
    return { ok: false, message: 'Изменение не содержит полей' }
  }
  const problem = spec.check?.(fields)
  return problem ? { ok: false, message: problem } : { ok: true, spec, fields }
}
