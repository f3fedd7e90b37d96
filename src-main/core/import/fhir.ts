// FHIR R4 bundle → our import format: Patient → patient, Encounter → visit, DocumentReference and Composition →
// document (signatures from Provenance). The conversion takes what it finds and leaves the rest empty; the importer
// then judges every row by the same rules as a file in our own format, so a missing name shows as a row error.
import { IMPORT_FORMAT, IMPORT_VERSION, type ImportFile } from './format'
import {
  arr,
  DOCUMENT_KIND_SYSTEM,
  extensionValue,
  ICD10_SYSTEMS,
  identifierKind,
  identifierOf,
  nameText,
  obj,
  objs,
  SIGNATURE_EXTENSIONS,
  str,
  xhtmlText,
  type Json
} from './fhir-values'

export interface FhirOptions {
  system: string
  /** ФНСИ code of a kind of medical documentation → our directory's code. */
  kindByNsiCode?: ReadonlyMap<string, string>
}

interface Bundle {
  byRef: Map<string, Json>
  options: FhirOptions
}

function idOf(resource: Json, fullUrl: string | undefined): string | undefined {
  return str(resource.id) ?? fullUrl?.replace(/^urn:uuid:/, '')
}

function resolve(b: Bundle, ref: unknown): { resource?: Json; type?: string; id?: string; ref?: Json } {
  const r = obj(ref)
  const reference = str(r?.reference)
  if (!reference) return { ref: r }
  const resource = b.byRef.get(reference)
  const [type, id] =
    reference.includes('/') && !reference.startsWith('urn:') ? reference.split('/').slice(-2) : []
  return {
    resource,
    type: (resource && str(resource.resourceType)) ?? type,
    id: resource ? str(resource.id) : id,
    ref: r
  }
}

function patientRef(b: Bundle, ref: unknown) {
  const { resource, id, ref: r } = resolve(b, ref)
  if (resource || id) return { sourceId: resource ? str(resource.__sourceId) : id }
  const identifier = obj(r?.identifier)
  const kind = identifier && identifierKind(identifier)
  const value = identifier && str(identifier.value)
  return kind === 'snils' ? { snils: value } : kind === 'enp' ? { enp: value } : {}
}

function organisationRef(b: Bundle, ref: unknown) {
  const { resource, id, ref: r } = resolve(b, ref)
  const ogrn =
    identifierOf(resource, 'ogrn') ?? identifierOf(r ? { identifier: [r.identifier] } : undefined, 'ogrn')
  if (ogrn) return { ogrn }
  const logical = str(obj(r?.identifier)?.value)
  return resource || id ? { id: id ?? str(resource?.id) } : logical ? { id: logical } : undefined
}

function patientRow(p: Json) {
  const names = objs(p.name)
  const name = names.find((n) => n.use === 'official') ?? names[0]
  const given = arr(name?.given).map(str)
  const patronymic = objs(name?.extension).find((e) => /middle|patronymic|otchestvo/i.test(String(e.url)))
  const telecom = objs(p.telecom)
  const address = objs(p.address)[0]
  const gender = p.gender === 'male' ? 'M' : p.gender === 'female' ? 'F' : p.gender
  return {
    sourceId: str(p.__sourceId),
    lastName: str(name?.family),
    firstName: given[0],
    middleName: given[1] ?? str(patronymic?.valueString) ?? null,
    sex: gender,
    birthDate: str(p.birthDate),
    snils: identifierOf(p, 'snils') ?? null,
    enp: identifierOf(p, 'enp') ?? null,
    address:
      str(address?.text) ??
      (address
        ? arr(address.line)
            .concat(address.city ?? [])
            .map(str)
            .filter(Boolean)
            .join(', ')
        : null),
    phone: str(telecom.find((t) => t.system === 'phone')?.value) ?? null,
    email: str(telecom.find((t) => t.system === 'email')?.value) ?? null
  }
}

const careKinds: Record<string, string> = {
  AMB: 'outpatient',
  VR: 'outpatient',
  HH: 'outpatient',
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  SS: 'day_hospital',
  EMER: 'emergency'
}

function icd10(concept: unknown): { code?: string; text?: string } {
  const coding = objs(obj(concept)?.coding).find((c) => ICD10_SYSTEMS.has(String(c.system)))
  return coding ? { code: str(coding.code), text: str(coding.display) ?? str(obj(concept)?.text) } : {}
}

/** A Practitioner or PractitionerRole as a name and a position. */
function person(b: Bundle, ref: unknown): { name?: string; role?: string } {
  const { resource, ref: r } = resolve(b, ref)
  if (resource?.resourceType === 'PractitionerRole') {
    const practitioner = resolve(b, resource.practitioner)
    const code = objs(resource.code)[0]
    return {
      name: nameText(objs(practitioner.resource?.name)[0]) ?? str(obj(resource.practitioner)?.display),
      role: str(code?.text) ?? str(objs(code?.coding)[0]?.display)
    }
  }
  const qualification = objs(resource?.qualification)[0]
  return {
    name: nameText(objs(resource?.name)[0]) ?? str(r?.display),
    role: str(obj(qualification?.code)?.text) ?? str(objs(obj(qualification?.code)?.coding)[0]?.display)
  }
}

function visitRow(b: Bundle, e: Json) {
  const diagnosis = objs(e.diagnosis)
    .map((d) => icd10(resolve(b, d.condition).resource?.code))
    .concat(arr(e.reasonCode).map(icd10))
    .find((d) => d.code)
  const participant = objs(e.participant)[0]
  const doctor = person(b, participant?.individual)
  const serviceType = obj(e.serviceType)
  return {
    sourceId: str(e.__sourceId),
    patient: patientRef(b, e.subject),
    date: str(obj(e.period)?.start)?.slice(0, 10),
    organisation: organisationRef(b, e.serviceProvider),
    doctorName: doctor.name,
    specialty: str(serviceType?.text) ?? str(objs(serviceType?.coding)[0]?.display) ?? doctor.role,
    careKind: careKinds[String(obj(e.class)?.code)] ?? obj(e.class)?.code,
    diagnosisCode: diagnosis?.code,
    ...(diagnosis?.text ? { diagnosisText: diagnosis.text } : {})
  }
}

function kindCode(b: Bundle, type: unknown): string | undefined {
  const codings = objs(obj(type)?.coding)
  for (const c of codings) {
    const mapped =
      c.system === DOCUMENT_KIND_SYSTEM ? b.options.kindByNsiCode?.get(String(c.code)) : undefined
    if (mapped) return mapped
  }
  return str(codings.find((c) => c.system !== DOCUMENT_KIND_SYSTEM)?.code) ?? str(codings[0]?.code)
}

function signaturesFor(b: Bundle, provenance: Json[], target: string[]) {
  return provenance
    .filter((p) => objs(p.target).some((t) => target.includes(String(t.reference))))
    .flatMap((p) =>
      objs(p.signature).map((s) => ({
        signerName: person(b, s.who).name,
        signerRole:
          extensionValue(s, SIGNATURE_EXTENSIONS.signerRole) ??
          person(b, s.who).role ??
          str(objs(s.type)[0]?.display),
        certificateSerial: extensionValue(s, SIGNATURE_EXTENSIONS.certificateSerial),
        validFrom: extensionValue(s, SIGNATURE_EXTENSIONS.validFrom),
        validTo: extensionValue(s, SIGNATURE_EXTENSIONS.validTo),
        signedAt: str(s.when)
      }))
    )
}

function attachmentText(attachment: Json | undefined): string | undefined {
  const data = str(attachment?.data)
  const type = str(attachment?.contentType) ?? 'text/plain'
  if (!data || !/^text\/(plain|html)/.test(type)) return undefined
  const text = Buffer.from(data, 'base64').toString('utf8')
  return type.startsWith('text/html') ? xhtmlText(text) : text
}

function sectionText(section: Json): string {
  const own = [str(section.title), xhtmlText(String(obj(section.text)?.div ?? ''))].filter(Boolean).join('\n')
  return [own, ...objs(section.section).map(sectionText)].filter(Boolean).join('\n\n')
}

function documentRow(b: Bundle, d: Json, refs: string[], provenance: Json[]) {
  const composition = d.resourceType === 'Composition'
  const authors = arr(d.author).map((a) => ({ ...resolve(b, a), ...person(b, a) }))
  const author = authors.find((a) => a.type !== 'Organization')
  const orgAuthor = arr(d.author).find((a) => resolve(b, a).type === 'Organization')
  const attachment = obj(objs(d.content)[0]?.attachment)
  const replaces = objs(d.relatesTo).find((r) => r.code === 'replaces')
  const replaced = resolve(b, composition ? replaces?.targetReference : replaces?.target)
  const encounter = resolve(b, composition ? d.encounter : arr(obj(d.context)?.encounter)[0])
  const date = composition ? str(d.date) : (str(d.date) ?? str(obj(obj(d.context)?.period)?.start))
  return {
    sourceId: str(d.__sourceId),
    patient: patientRef(b, d.subject),
    kindCode: kindCode(b, d.type),
    number:
      str(obj(composition ? d.identifier : d.masterIdentifier)?.value) ?? str(objs(d.identifier)[0]?.value),
    date: date?.slice(0, 10),
    organisation: organisationRef(b, d.custodian ?? orgAuthor),
    authorName: author?.name,
    authorRole: author?.role,
    ...((str(d.title) ?? str(d.description)) ? { title: str(d.title) ?? str(d.description) } : {}),
    content: composition ? objs(d.section).map(sectionText).join('\n\n') : attachmentText(attachment),
    ...(encounter.resource || encounter.id
      ? { visitSourceId: str(encounter.resource?.__sourceId) ?? encounter.id }
      : {}),
    ...(replaced.resource || replaced.id
      ? { replacesSourceId: str(replaced.resource?.__sourceId) ?? replaced.id }
      : {}),
    signatures: signaturesFor(b, provenance, refs)
  }
}

/** Removes the keys a conversion left undefined, so that the row's own checks say «не заполнено» for them. */
function defined<T extends object>(row: T): T {
  return JSON.parse(JSON.stringify(row)) as T
}

export function fhirBundleToImport(bundle: unknown, options: FhirOptions): ImportFile {
  const root = obj(bundle)
  const b: Bundle = { byRef: new Map(), options }
  const entries = objs(root?.entry).flatMap((e) => {
    const resource = obj(e.resource)
    if (!resource) return []
    const fullUrl = str(e.fullUrl)
    // Own copy with the id the rows will carry; the bundle the caller passed stays as it was.
    const copy: Json = { ...resource, __sourceId: idOf(resource, fullUrl) }
    const refs = [fullUrl, `${String(resource.resourceType)}/${String(resource.id)}`].filter(
      (r): r is string => !!r && !r.endsWith('/undefined')
    )
    for (const ref of refs) b.byRef.set(ref, copy)
    return [{ resource: copy, refs }]
  })
  const of = (type: string) => entries.filter((e) => e.resource.resourceType === type)
  const provenance = of('Provenance').map((e) => e.resource)
  return {
    format: IMPORT_FORMAT,
    version: IMPORT_VERSION,
    source: {
      system: options.system,
      ...(str(obj(root?.meta)?.source) ? { name: str(obj(root?.meta)?.source) } : {}),
      ...(str(root?.timestamp) ? { exportedAt: str(root?.timestamp) } : {})
    },
    patients: of('Patient').map((e) => defined(patientRow(e.resource))),
    visits: of('Encounter').map((e) => defined(visitRow(b, e.resource))),
    // In bundle order: a replacing version must come after the one it replaces, as in our own format.
    documents: entries
      .filter(
        (e) => e.resource.resourceType === 'DocumentReference' || e.resource.resourceType === 'Composition'
      )
      .map((e) => defined(documentRow(b, e.resource, e.refs, provenance))),
    requests: []
  }
}
