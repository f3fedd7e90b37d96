// Reading FHIR R4 JSON without trusting its shape, and the identifier systems the Russian profiles use. The mapping
// is documented in docs/import-format.md («FHIR R4»).

export type Json = Record<string, unknown>

export function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function objs(value: unknown): Json[] {
  return arr(value)
    .map(obj)
    .filter((x): x is Json => !!x)
}

/** СНИЛС: RuCoreIG's naming system, the OID СНИЛС has in qualified certificates, N3.Health's document type 223. */
export const SNILS_SYSTEMS = new Set([
  'https://fhir.ru/ig/core/systems/snils',
  'urn:oid:1.2.643.100.3',
  'urn:oid:1.2.643.2.69.1.1.1.6.223'
])

/** Полис ОМС: RuCoreIG's naming system and N3.Health's «полис ОМС единого образца» (type 228). Only 16 digits are an ЕНП. */
export const OMS_SYSTEMS = new Set([
  'https://fhir.ru/ig/core/systems/oms',
  'urn:oid:1.2.643.2.69.1.1.1.6.228'
])

/** ОГРН: the OID it has in qualified certificates and RuCoreIG's naming system. */
export const OGRN_SYSTEMS = new Set(['urn:oid:1.2.643.100.1', 'https://fhir.ru/ig/core/systems/ogrn'])

/** МКБ-10: the ФНСИ directory 1.2.643.5.1.13.13.11.1005 and HL7's own ICD-10 system. */
export const ICD10_SYSTEMS = new Set([
  'urn:oid:1.2.643.5.1.13.13.11.1005',
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-ru'
])

/** ФНСИ «Виды медицинской документации». */
export const DOCUMENT_KIND_SYSTEM = 'urn:oid:1.2.643.5.1.13.13.11.1522'

/** Extensions on Signature carrying what FHIR R4 has no element for: the certificate and the signer's role. */
export const SIGNATURE_EXTENSIONS = {
  certificateSerial: 'urn:registrar:fhir:certificate-serial',
  validFrom: 'urn:registrar:fhir:certificate-valid-from',
  validTo: 'urn:registrar:fhir:certificate-valid-to',
  signerRole: 'urn:registrar:fhir:signer-role'
} as const

function codes(concept: unknown): string[] {
  return objs(obj(concept)?.coding)
    .map((c) => str(c.code))
    .filter((c): c is string => !!c)
}

export type IdentifierKind = 'snils' | 'enp' | 'ogrn'

export function identifierKind(identifier: Json): IdentifierKind | null {
  const system = str(identifier.system) ?? ''
  const typeCodes = codes(identifier.type)
  if (SNILS_SYSTEMS.has(system) || typeCodes.includes('snils')) return 'snils'
  if (OGRN_SYSTEMS.has(system) || typeCodes.includes('ogrn')) return 'ogrn'
  if (OMS_SYSTEMS.has(system) || typeCodes.includes('oms-policy')) {
    const digits = (str(identifier.value) ?? '').replace(/\D/g, '')
    return digits.length === 16 ? 'enp' : null
  }
  return null
}

export function identifierOf(resource: Json | undefined, kind: IdentifierKind): string | undefined {
  const found = objs(resource?.identifier).find((i) => identifierKind(i) === kind)
  return found ? str(found.value) : undefined
}

/** A HumanName as the desk writes a doctor: «Фамилия Имя Отчество» or the name's own text. */
export function nameText(name: Json | undefined): string | undefined {
  if (!name) return undefined
  const given = arr(name.given).map(str).filter(Boolean)
  return str(name.text) ?? ([str(name.family), ...given].filter(Boolean).join(' ') || undefined)
}

export function extensionValue(element: Json | undefined, url: string): string | undefined {
  const ext = objs(element?.extension).find((e) => e.url === url)
  return ext ? (str(ext.valueString) ?? str(ext.valueDate) ?? str(ext.valueDateTime)) : undefined
}

/** Narrative XHTML as plain text: block ends become line breaks, tags go, the five XML entities come back. */
export function xhtmlText(div: string): string {
  return div
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
