import { type Payload, ValidationError } from 'payload'
import { z } from 'zod'

import type { Complaint } from '../../cms/payload-types'
import { enqueueEmail } from '../../cms/email/enqueue'
import { senderOf } from '../../cms/email/sender'
import type { ComplainantAction } from '../caseEvents/eventTypes'
import { recordEvent } from '../caseEvents/recordEvent'
import { checkAttachments, type IncomingFile } from '../complaints/attachments'
import { isOpen } from '../complaints/workflow/transitions'
import { relId } from '../relations'

/**
 * What the complainant can do on their own page (Decision 20), each for the one case their session
 * is for: add information (Art. 6), correct the written version (Decision 8), ask for a hearing
 * (Art. 6.2) or travel costs (Art. 6.4), withdraw (Decision 9), and answer the survey afterwards
 * (ISO 10002). Each writes through the workflow with `context.complainant` naming the case (so the
 * timeline says the complainant did it, and the workflow lets them fire only a withdrawal), or —
 * the survey after the case ended — through the named system operation `recordSurvey`. The page
 * (site) checks the session; these functions trust the case id they are given.
 */

export type ActionResult = { ok: true } | { ok: false; errors: Record<string, string> }

export const refused = (field: string, message: string): ActionResult => ({ ok: false, errors: { [field]: message } })

/** Decision 16: what a complainant may still do once the case has ended. */
export const NOT_OPEN_MESSAGE =
  'Uw klacht is al afgehandeld. U kunt nu niets meer toevoegen of wijzigen. Hebt u een vraag? Neem dan contact met ons op.'

export async function loadCase(payload: Payload, caseId: string): Promise<Complaint> {
  // Trusted: the complainant's session is for this case (checked by the page that calls us).
  return payload.findByID({ collection: 'complaints', id: caseId, depth: 0, joins: false, overrideAccess: true })
}

/** A write of the complainant through the workflow: its refusals come back as messages at the fields. */
async function writeAsComplainant(
  payload: Payload,
  caseId: string,
  data: Partial<Complaint>,
  field: string,
): Promise<ActionResult> {
  try {
    // Trusted: no user; `context.complainant` makes the workflow judge the save as the complainant's.
    await payload.update({
      collection: 'complaints',
      id: caseId,
      data,
      depth: 0,
      overrideAccess: true,
      context: { complainant: caseId },
    })
    return { ok: true }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const errors = (error.data as { errors?: { path?: string; message?: string }[] }).errors ?? []
    return refused(
      field,
      errors.map((e) => e.message).filter(Boolean)[0] ?? 'Dit is niet gelukt. Probeer het later opnieuw.',
    )
  }
}

const ACTION_LINES: Record<Exclude<ComplainantAction, 'survey_submitted'> | 'travel_costs', string> = {
  information_added: 'De klager heeft informatie of stukken aangevuld via de eigen klachtpagina.',
  written_version_corrected:
    'De klager heeft de schriftelijke versie van de klacht verbeterd via de eigen klachtpagina (besluit 8).',
  hearing_requested: 'De klager vraagt via de eigen klachtpagina om een gesprek (hoorzitting, art. 6.2).',
  travel_costs: 'De klager vraagt via de eigen klachtpagina om vergoeding van reiskosten (art. 6.4).',
}

/**
 * Tells the handler (or, while nobody has the case, the managers) that the complainant did
 * something. The reference only: what they wrote stays in the case, behind the login.
 */
async function tellHandler(payload: Payload, c: Complaint, what: keyof typeof ACTION_LINES): Promise<void> {
  const handlerId = relId(c.assignedHandler)
  // Trusted: the addressee of a message about the case, and the sender from the settings.
  const handler = handlerId
    ? await payload.findByID({
        collection: 'users',
        id: handlerId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
    : null
  const to = handler
    ? [handler.email]
    : (
        await payload.find({
          collection: 'users',
          where: { roles: { contains: 'manager' } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((u) => u.email)
  if (to.length === 0) return
  const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0 })
  const text = [
    ACTION_LINES[what],
    `Open klacht ${c.reference} in het beheer van het klachtenportaal om te zien wat er is veranderd.`,
  ].join('\n\n')
  await enqueueEmail(
    payload,
    {
      to,
      subject: `Nieuw van de klager: ${c.reference}`,
      text,
      html: text
        .split('\n\n')
        .map((line) => `<p>${line}</p>`)
        .join(''),
      purpose: 'system',
      complaint: c.id,
    },
    { defaultFrom: senderOf(settings) },
  )
}

export const action = (
  payload: Payload,
  c: Complaint,
  data: { action: ComplainantAction; files?: number; version?: number },
) => recordEvent(payload, { complaint: c.id, type: 'complainant_action', actorKind: 'complainant', data })

const information = z.object({
  text: z
    .string()
    .transform((v) => v.trim())
    .pipe(
      z.string().max(10_000, 'Uw aanvulling is te lang: gebruik hoogstens 10.000 tekens, of stuur een bijlage mee.'),
    ),
})

/** Art. 6: the complainant adds a text and/or documents while the case is open (the form's rules for files). */
export async function addInformation(
  payload: Payload,
  caseId: string,
  input: { text?: string; files?: IncomingFile[] },
): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (!isOpen(c.status)) return refused('form', NOT_OPEN_MESSAGE)
  const parsed = information.safeParse({ text: input.text ?? '' })
  if (!parsed.success) return refused('text', parsed.error.issues[0]?.message ?? 'Controleer uw tekst.')
  const checked = checkAttachments(input.files ?? [])
  if (!checked.ok) return refused('files', checked.message)
  const text = parsed.data.text
  if (!text && checked.files.length === 0)
    return refused('text', 'Schrijf wat u wilt aanvullen, of kies een bestand om mee te sturen.')

  const stored: string[] = []
  const undo = async () => {
    for (const id of stored)
      await payload
        .delete({ collection: 'complaint-attachments', id, overrideAccess: true })
        .catch((error: unknown) =>
          payload.logger.error({ err: error, msg: `Attachment ${id} of an addition could not be removed` }),
        )
  }
  for (const file of checked.files) {
    try {
      // Trusted: attachments have no create access for anyone; the session is for this case.
      const doc = await payload.create({
        collection: 'complaint-attachments',
        overrideAccess: true,
        depth: 0,
        data: { complaint: c.id },
        file: { data: Buffer.from(file.bytes), mimetype: file.mimeType, name: file.name, size: file.size },
      })
      stored.push(doc.id)
    } catch (error) {
      await undo()
      if (!(error instanceof ValidationError)) throw error
      return refused('files', `${file.name} is beschadigd of kan niet worden geopend. Kies een ander bestand.`)
    }
  }
  const additions = (c.complainantAdditions ?? []).map((a) => ({
    ...a,
    attachments: (a.attachments ?? []).map((x) => relId(x) as string),
  }))
  const result = await writeAsComplainant(
    payload,
    c.id,
    { complainantAdditions: [...additions, { at: new Date().toISOString(), text: text || null, attachments: stored }] },
    'form',
  )
  if (!result.ok) {
    // Nothing stored half: the files go with the refused addition.
    await undo()
    return result
  }
  await action(payload, c, { action: 'information_added', files: stored.length })
  await tellHandler(payload, c, 'information_added')
  return result
}

/**
 * Decision 8, 16: the complainant corrects the version staff wrote down of a complaint received by
 * phone, letter, e-mail or in person, until the decision or non-admission quoted it; every version
 * is kept (recordWrittenVersion), and the handler is told.
 */
export async function correctWrittenVersion(payload: Payload, caseId: string, text: string): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (c.channel === 'web')
    return refused(
      'text',
      'U hebt uw klacht zelf opgeschreven via het formulier. Wilt u iets toevoegen? Gebruik dan "Informatie toevoegen".',
    )
  if (!isOpen(c.status)) return refused('text', NOT_OPEN_MESSAGE)
  const before = c.writtenVersion?.versions?.length ?? 0
  const result = await writeAsComplainant(payload, c.id, { writtenVersion: { draft: text, send: true } }, 'text')
  if (!result.ok) return result
  await action(payload, c, { action: 'written_version_corrected', version: before + 1 })
  await tellHandler(payload, c, 'written_version_corrected')
  return result
}

/** Art. 6.2: the complainant asks for an oral hearing (hoor en wederhoor). */
export async function requestHearing(payload: Payload, caseId: string): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (!isOpen(c.status)) return refused('form', NOT_OPEN_MESSAGE)
  if (c.hearing?.at) return refused('form', 'Er is al een gesprek gepland. U vindt de datum op deze pagina.')
  if (c.hearing?.requestedBy) return refused('form', 'Er is al om een gesprek gevraagd. Wij nemen contact met u op.')
  const result = await writeAsComplainant(
    payload,
    c.id,
    { hearing: { ...c.hearing, requestedBy: 'complainant' } },
    'form',
  )
  if (!result.ok) return result
  await action(payload, c, { action: 'hearing_requested' })
  await tellHandler(payload, c, 'hearing_requested')
  return result
}

/** Art. 6.4: the complainant asks for their travel costs (the workflow records `travel_costs_requested`). */
export async function requestTravelCosts(payload: Payload, caseId: string): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (!isOpen(c.status)) return refused('form', NOT_OPEN_MESSAGE)
  if (c.hearing?.travelCostRequested)
    return refused('form', 'U hebt al om vergoeding van reiskosten gevraagd. Wij laten u weten wat wij besluiten.')
  const result = await writeAsComplainant(
    payload,
    c.id,
    { hearing: { ...c.hearing, travelCostRequested: true } },
    'form',
  )
  if (!result.ok) return result
  await tellHandler(payload, c, 'travel_costs')
  return result
}

/**
 * Decision 9: the complainant withdraws the complaint while it is open. The workflow moves the case
 * to `withdrawn` as the complainant's step (WHO_MAY) and sends the confirmation of the withdrawal.
 */
export async function withdrawComplaint(payload: Payload, caseId: string): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (!isOpen(c.status)) return refused('form', NOT_OPEN_MESSAGE)
  return writeAsComplainant(
    payload,
    c.id,
    { status: 'withdrawn', withdrawal: { ...c.withdrawal, withdrawnAt: new Date().toISOString() } },
    'form',
  )
}
