import { zipSync } from 'fflate'
import type { Payload, PayloadRequest } from 'payload'

import { MESSAGE_PURPOSE_LABELS } from '../../cms/email/statuses'
import { describeEvent, type StoredEvent } from '../caseEvents/describeEvent'
import { fieldLabelsOf } from '../caseEvents/fieldLabels'
import { recordEvent } from '../caseEvents/recordEvent'
import { civilDateIn, formatDutchDate } from '../dates/amsterdam'
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../complaints/vocabulary'
import { STATUS_LABELS } from '../complaints/workflow/statuses'
import { relId } from '../relations'
import { readSettings } from '../settings/cachedSettings'
import { dutchMoment, type DossierOverview, type DossierSection, renderDossierOverview } from './dossierOverview'
import {
  collectRelations,
  DossierNotFoundError,
  EntryNames,
  readUpload,
  retentionSentences,
  storeLines,
  type ValueLookups,
} from './dossierParts'
import { markInspectionProvided } from './inspection'
import { logAccess, type Reader } from './logAccess'
import { PERSONAL_DATA_STORES } from './registry'

export type Dossier = { fileName: string; zip: Uint8Array }

/**
 * The dossier for inspection of one case (AVG art. 15; Art. 6 note; DOMAIN.md "Contracts added"):
 * a ZIP with `overzicht.pdf` (every personal datum the registry's stores hold about the
 * complainant in this case, the timeline, who processed it, why, who received it, how long it is
 * kept, the right to complain to the Autoriteit Persoonsgegevens), every letter PDF of the case
 * under `brieven/` and every attachment under `bijlagen/`, as stored on disk; every read names the case.
 *
 * Each call is a delivery: it writes the timeline entry `inspection_provided` and an access-log
 * entry of kind `dossier` for `reader` (a staff member, or the complainant on their own page,
 * Decision 20). Trusted server code: the caller has checked that `reader` may have this case; the
 * reads below bypass access control for that reason (the complainant has no Payload user).
 */
export async function buildDossier(
  payload: Payload,
  caseId: string,
  options: { reader: Reader; req?: Partial<PayloadRequest>; at?: Date },
): Promise<Dossier> {
  const at = options.at ?? new Date()
  const { req } = options
  const complaint = await payload
    .findByID({ collection: 'complaints', id: caseId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!complaint) throw new DossierNotFoundError(caseId)
  const reference = complaint.reference ?? 'klacht'

  const [letters, attachments, events, accessLog, settings] = await Promise.all([
    payload.find({
      collection: 'letters',
      where: { complaint: { equals: caseId } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'complaint-attachments',
      // The attachments the case names, and those stored for it: both belong to this case only.
      where: {
        or: [
          { complaint: { equals: caseId } },
          { id: { in: (complaint.attachments ?? []).map(relId).filter((id): id is string => id !== null) } },
        ],
      },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'case-events',
      where: { complaint: { equals: caseId } },
      sort: ['at', 'createdAt'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'access-log',
      where: { and: [{ complaint: { equals: caseId } }, { actorKind: { equals: 'staff' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    readSettings(payload),
  ])

  // Files first: their names in the ZIP are what the overview refers to.
  const names = new EntryNames()
  const letterFiles = await Promise.all(
    letters.docs
      .filter((letter) => letter.filename)
      .map(async (letter) => ({
        letter,
        bytes: await readUpload(payload, 'letters', letter.filename ?? ''),
      })),
  )
  const letterEntries = letterFiles.map(({ letter, bytes }) => ({
    letter,
    bytes,
    name: names.add(
      'brieven',
      `${civilDateIn(letter.createdAt)} ${MESSAGE_PURPOSE_LABELS[letter.purpose].nl}.pdf`.toLowerCase(),
    ),
  }))
  const attachmentEntries = await Promise.all(
    attachments.docs
      .filter((attachment) => attachment.filename)
      .map(async (attachment) => ({
        attachment,
        bytes: await readUpload(payload, 'complaint-attachments', attachment.filename ?? ''),
      })),
  ).then((files) =>
    files.map((file) => ({ ...file, name: names.add('bijlagen', file.attachment.filename ?? 'bijlage') })),
  )

  // Everyone whose name the overview prints: who acted on the timeline, the handlers it names,
  // the handler now, staff recorded on the case, and staff who read it (the access log).
  const staffIds = new Set<string>()
  const addStaff = (value: unknown) => {
    const id = relId(value)
    if (id) staffIds.add(id)
  }
  const stored = events.docs as unknown as StoredEvent[]
  for (const event of stored) {
    addStaff(event.actor)
    if (event.type === 'handler_assigned' && event.data && typeof event.data === 'object')
      for (const value of Object.values(event.data)) addStaff(value)
  }
  addStaff(complaint.assignedHandler)
  for (const entry of accessLog.docs) addStaff(entry.actor)
  const complaintFields = payload.collections.complaints.config.flattenedFields
  const references = collectRelations(complaintFields, complaint)
  for (const id of references.users) staffIds.add(id)
  const [users, earlier] = await Promise.all([
    staffIds.size === 0
      ? []
      : payload
          .find({
            collection: 'users',
            where: { id: { in: [...staffIds] } },
            pagination: false,
            depth: 0,
            select: { name: true, email: true },
            overrideAccess: true,
            req,
          })
          .then((r) => r.docs),
    // Another case is named by its reference only (a non-admission on ground a, Art. 8.5): nothing of it.
    references.complaints.size === 0
      ? []
      : payload
          .find({
            collection: 'complaints',
            where: { id: { in: [...references.complaints] } },
            pagination: false,
            depth: 0,
            select: { reference: true },
            overrideAccess: true,
            req,
          })
          .then((r) => r.docs),
  ])
  const staffNames = new Map(users.map((u) => [String(u.id), u.name || u.email]))
  const fieldLabels = fieldLabelsOf(complaintFields)
  const lookups: ValueLookups = {
    fieldLabels,
    names: {
      users: staffNames,
      complaints: new Map(earlier.map((c) => [String(c.id), c.reference ?? 'een eerdere klacht'])),
      'complaint-attachments': new Map(
        attachmentEntries.map((a) => [String(a.attachment.id), `${a.name} (in deze map)`]),
      ),
    },
  }

  const complainantStores = PERSONAL_DATA_STORES.filter((store) => store.subject === 'complainant')
  const data: DossierSection[] = PERSONAL_DATA_STORES.filter(
    (store) => store.collection === 'complaints' && store.subject === 'complainant',
  )
    .map((store) => ({ title: store.label, lines: storeLines(store, complaintFields, complaint, lookups) }))
    .filter((section) => section.lines.length > 0)

  const letterLabels = fieldLabelsOf(payload.collections.letters.config.flattenedFields)
  const letterSections: DossierSection[] = letterEntries.map(({ letter, name }) => ({
    title: MESSAGE_PURPOSE_LABELS[letter.purpose].nl,
    lines: [
      { label: 'Bestand', value: name },
      { label: 'Gemaakt op', value: formatDutchDate(letter.createdAt) },
      { label: 'Verstuurd', value: letter.channel === 'email' ? 'per e-mail' : 'per post' },
      ...(letter.postedAt ? [{ label: 'Per post verstuurd op', value: formatDutchDate(letter.postedAt) }] : []),
      ...(letter.postedAtChangeReason
        ? [
            {
              label: letterLabels.get('postedAtChangeReason') ?? 'Reden',
              value: letter.postedAtChangeReason,
            },
          ]
        : []),
    ],
  }))
  const attachmentSections: DossierSection[] = attachmentEntries.map(({ attachment, name }) => ({
    title: name.replace(/^bijlagen\//, ''),
    lines: [
      { label: 'Bestand', value: name },
      { label: 'Bewaard op', value: formatDutchDate(attachment.createdAt) },
    ],
  }))

  const timeline = stored.map((event) => describeEvent(event, { staffNames, fieldLabels }))
  const staff = [...new Set([...staffIds].map((id) => staffNames.get(id)).filter((n): n is string => !!n))].sort(
    (a, b) => a.localeCompare(b, 'nl'),
  )

  // Decision 11: the labour expert of this case, or the default one from the settings.
  const expert = complaint.uwvLabourExpert?.name || settings.uwvLabourExpert?.name
  const recipients = [
    ...new Set([
      ...complainantStores.flatMap((store) => store.recipients),
      ...(expert ? [`Arbeidsdeskundige van UWV bij uw klacht: ${expert}`] : []),
    ]),
  ]
  const terms = [...new Set(complainantStores.map((store) => store.term))]
  const overview: DossierOverview = {
    reference,
    at,
    summary: [
      { label: fieldLabels.get('reference') ?? 'Kenmerk', value: reference },
      { label: fieldLabels.get('receivedAt') ?? 'Datum van ontvangst', value: dutchMoment(complaint.receivedAt) },
      { label: fieldLabels.get('status') ?? 'Status', value: STATUS_LABELS[complaint.status].nl },
      ...(complaint.categories.length > 0
        ? [
            {
              label: fieldLabels.get('categories') ?? 'Soort klacht',
              value: complaint.categories.map((c) => CATEGORY_LABELS[c].nl).join(', '),
            },
          ]
        : []),
      ...(complaint.channel
        ? [{ label: fieldLabels.get('channel') ?? 'Ontvangen via', value: CHANNEL_LABELS[complaint.channel].nl }]
        : []),
      ...(relId(complaint.assignedHandler)
        ? [
            {
              label: 'Behandelaar',
              value: staffNames.get(relId(complaint.assignedHandler) ?? '') ?? 'Medewerker',
            },
          ]
        : []),
    ],
    data,
    letters: letterSections,
    attachments: attachmentSections,
    timeline,
    staff,
    purposes: complainantStores.map((store) => ({ label: store.label, value: store.purpose })),
    recipients,
    retention: terms.flatMap((term) => retentionSentences(term, settings.retentionYears, complaint)),
  }

  const overviewPdf = await renderDossierOverview(overview)
  const zip = zipSync(
    {
      'overzicht.pdf': overviewPdf,
      ...Object.fromEntries(letterEntries.map((entry) => [entry.name, new Uint8Array(entry.bytes)])),
      ...Object.fromEntries(attachmentEntries.map((entry) => [entry.name, new Uint8Array(entry.bytes)])),
    },
    { mtime: at },
  )

  // The delivery: on the timeline (no personal data) and in the access log.
  await recordEvent(
    payload,
    {
      complaint: caseId,
      type: 'inspection_provided',
      actor: options.reader.kind === 'staff' ? options.reader.userId : null,
      actorKind: options.reader.kind,
      data: { via: options.reader.kind, letters: letterEntries.length, attachments: attachmentEntries.length },
      at,
    },
    req,
  )
  await logAccess(payload, { reader: options.reader, complaint: caseId, kind: 'dossier', at })
  // AVG art. 15: every open request for inspection received by now is answered by this dossier.
  await markInspectionProvided(payload, caseId, at, req)

  return { fileName: `${reference}-inzage.zip`, zip }
}
