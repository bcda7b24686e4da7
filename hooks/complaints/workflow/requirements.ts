import { DECISION_LIMIT_WEEKS } from '../terms'
import type { Status } from './statuses'

/**
 * The case as it will be saved, with the field names of the `complaints` collection.
 * Dates are ISO strings. The rules below look at the recorded fields and the target status,
 * so the snapshot may carry either the old or the new `status`.
 */
export type CaseSnapshot = {
  status: Status
  assignedHandler: string | null
  /** User ids recorded as involved in the complaint (Art. 4). */
  involvedStaff: string[]
  /** The complaint as formulated at intake (Art. 8.2). */
  complaintText: string | null
  conduct: { when: 'date' | 'period' | 'unknown' | null; date: string | null; from: string | null; to: string | null }
  acknowledgement: { factsSummary: string | null; statedTermWeeks: number | null }
  nonAdmission: {
    ground: 'already_subject' | 'insufficient_interest' | null
    earlierComplaint: string | null
    earlierReference: string | null
    reasons: string | null
  }
  decision: {
    factsAsSeen: string | null
    reasonedPosition: string | null
    outcome: 'upheld' | 'not_upheld' | null
    remedy: 'full' | 'partial' | 'not_possible' | null
    remedyExplanation: string | null
    followUpAction: string | null
    complainantContactedAt: string | null
  }
  informal: { oralAnswer: string | null; agreements: string | null; satisfactionConfirmedAt: string | null }
  withdrawal: { withdrawnAt: string | null; note: string | null }
  /** The Art. 5 notification to the UWV labour expert exists (queued or sent). */
  uwvNotified: boolean
}

export type MissingRequirement = { path: string; message: string }

type Requirement = MissingRequirement & { missing: (c: CaseSnapshot) => boolean }

/** Blank text counts as missing: a space typed into a required field records nothing. */
const present = (value: string | null): value is string => value !== null && value.trim() !== ''
const blank = (value: string | null): boolean => !present(value)

const CONDUCT_DATE_UNKNOWN =
  'Vul de datum of periode van de gedraging in (art. 5). Weet de klager het niet precies? Vraag het na of noteer de beste schatting.'

/**
 * An upheld complaint whose consequences can be put right, fully or in part (Art. 8.4): a follow-up
 * action and contact with the complainant are then owed.
 */
export const remedyPossible = (
  decision: { outcome?: string | null; remedy?: string | null } | null | undefined,
): boolean => decision?.outcome === 'upheld' && (decision.remedy === 'full' || decision.remedy === 'partial')

const termWeeks = (c: CaseSnapshot): number | null => c.acknowledgement.statedTermWeeks

/**
 * What the regulation requires before a case may reach each status. One row per part, so that
 * the admin shows each message at its own field. Order within a status is the order of the form.
 */
export const REQUIREMENTS: Record<Status, readonly Requirement[]> = {
  received: [],

  // Art. 5: the acknowledgement names the handler, the date(s) of the conduct, a short description of
  // the facts and the expected term (Art. 7); the UWV labour expert is told of every complaint.
  acknowledged: [
    {
      path: 'assignedHandler',
      message: 'Wijs een behandelaar toe: de ontvangstbevestiging noemt de behandelaar van de klacht (art. 5).',
      missing: (c) => blank(c.assignedHandler),
    },
    {
      path: 'conduct.when',
      message: CONDUCT_DATE_UNKNOWN,
      missing: (c) => c.conduct.when === null || c.conduct.when === 'unknown',
    },
    {
      path: 'conduct.date',
      message: 'Vul de datum van de gedraging in (art. 5).',
      missing: (c) => c.conduct.when === 'date' && blank(c.conduct.date),
    },
    {
      path: 'conduct.from',
      message: 'Vul het begin van de periode van de gedraging in (art. 5).',
      missing: (c) => c.conduct.when === 'period' && blank(c.conduct.from),
    },
    {
      path: 'conduct.to',
      message: 'Vul het einde van de periode van de gedraging in (art. 5).',
      missing: (c) => c.conduct.when === 'period' && blank(c.conduct.to),
    },
    {
      path: 'conduct.to',
      message: 'Het einde van de periode van de gedraging ligt vóór het begin (art. 5).',
      missing: ({ conduct }) =>
        conduct.when === 'period' &&
        present(conduct.from) &&
        present(conduct.to) &&
        Date.parse(conduct.to) < Date.parse(conduct.from),
    },
    {
      path: 'acknowledgement.factsSummary',
      message: 'Geef een korte omschrijving van de feiten waarop de klacht betrekking heeft (art. 5).',
      missing: (c) => blank(c.acknowledgement.factsSummary),
    },
    {
      path: 'acknowledgement.statedTermWeeks',
      message:
        'Vul de termijn in waarbinnen de behandeling naar verwachting is afgerond (art. 5, art. 7); de eigen norm is vier weken.',
      missing: (c) => termWeeks(c) === null,
    },
    {
      path: 'acknowledgement.statedTermWeeks',
      message: 'De termijn is een heel aantal weken, minstens één (art. 7).',
      missing: (c) => {
        const weeks = termWeeks(c)
        return weeks !== null && (!Number.isInteger(weeks) || weeks < 1)
      },
    },
    {
      path: 'acknowledgement.statedTermWeeks',
      message: 'De termijn mag niet langer zijn dan zes weken na ontvangst (art. 7).',
      missing: (c) => {
        const weeks = termWeeks(c)
        return weeks !== null && weeks > DECISION_LIMIT_WEEKS
      },
    },
    {
      path: 'uwvLabourExpert.email',
      message:
        'De klacht is nog niet gemeld aan de arbeidsdeskundige van het UWV. Vul de arbeidsdeskundige in (hier of als standaard in de instellingen), zodat de melding wordt verstuurd (art. 5).',
      missing: (c) => !c.uwvNotified,
    },
  ],

  // Art. 8.5: only on one of the two grounds, with reasons; the notice follows within four weeks (Art. 7).
  not_admitted: [
    {
      path: 'nonAdmission.ground',
      message:
        'Kies de grond: de gedraging was al eerder onderwerp van een klacht, of het belang van de klager of het gewicht van de gedraging is kennelijk onvoldoende (art. 8.5).',
      missing: (c) => c.nonAdmission.ground === null,
    },
    {
      // Decision 10: the earlier complaint may predate the portal, so a free-text reference will do.
      path: 'nonAdmission.earlierComplaint',
      message:
        'Koppel de eerdere klacht over dezelfde gedraging, of geef een verwijzing naar die klacht (art. 8.5, besluit 10).',
      missing: (c) =>
        c.nonAdmission.ground === 'already_subject' &&
        blank(c.nonAdmission.earlierComplaint) &&
        blank(c.nonAdmission.earlierReference),
    },
    {
      path: 'nonAdmission.reasons',
      message: 'Geef de onderbouwing waarom de klacht niet in behandeling wordt genomen (art. 7, art. 8.5).',
      missing: (c) => blank(c.nonAdmission.reasons),
    },
  ],

  // Art. 8.2 lists the four parts of every decision; Art. 8.3 the outcome; Decision 6 the remedy of an upheld one.
  decided: [
    {
      path: 'complaintText',
      message: 'De beslissing bevat de klacht zoals de klager die heeft geformuleerd; die ontbreekt (art. 8.2).',
      missing: (c) => blank(c.complaintText),
    },
    {
      path: 'decision.factsAsSeen',
      message: 'Beschrijf de feiten zoals Working Progression die ziet (art. 8.2).',
      missing: (c) => blank(c.decision.factsAsSeen),
    },
    {
      path: 'decision.reasonedPosition',
      message: 'Geef een gemotiveerde stellingname over de klacht (art. 8.2).',
      missing: (c) => blank(c.decision.reasonedPosition),
    },
    {
      path: 'decision.outcome',
      message: 'Kies de beslissing: gegrond of ongegrond (art. 8.3).',
      missing: (c) => c.decision.outcome === null,
    },
    {
      path: 'decision.remedy',
      message: 'Geef aan of de gegronde klacht geheel, gedeeltelijk of niet te verhelpen is (art. 8.4, besluit 6).',
      missing: (c) => c.decision.outcome === 'upheld' && c.decision.remedy === null,
    },
    {
      path: 'decision.remedyExplanation',
      message: 'Licht toe waarom de klacht geheel, gedeeltelijk of niet te verhelpen is (art. 8.4, besluit 6).',
      missing: (c) => c.decision.outcome === 'upheld' && blank(c.decision.remedyExplanation),
    },
  ],

  // Art. 5 note: only when the complainant says it was settled to their satisfaction; the oral answer
  // and agreements go into the dossier (Decision 7).
  resolved_informally: [
    {
      path: 'informal.oralAnswer',
      message: 'Leg het mondelinge antwoord op de klacht vast in het dossier (art. 5, toelichting).',
      missing: (c) => blank(c.informal.oralAnswer),
    },
    {
      path: 'informal.agreements',
      message: 'Leg de afspraken met de klager vast in het dossier; zijn er geen, noteer dat (art. 5, toelichting).',
      missing: (c) => blank(c.informal.agreements),
    },
    {
      path: 'informal.satisfactionConfirmedAt',
      message:
        'Informeel afhandelen kan alleen als de klager aangeeft dat de klacht naar tevredenheid is afgewikkeld: vul de datum van die bevestiging in (art. 5, toelichting; besluit 7).',
      missing: (c) => blank(c.informal.satisfactionConfirmedAt),
    },
  ],

  withdrawn: [
    {
      path: 'withdrawal.withdrawnAt',
      message: 'Vul de datum in waarop de klager de klacht heeft ingetrokken (besluit 9).',
      missing: (c) => blank(c.withdrawal.withdrawnAt),
    },
  ],

  // Art. 8.4: after an upheld decision with a full or partial remedy, the contact person (Decision 3) acts
  // and contacts the complainant; the dossier closes only once that is recorded. Only a decided case has an
  // outcome, so the other endings close without more.
  closed: [
    {
      path: 'decision.followUpAction',
      message: 'Leg vast welke actie de contactpersoon heeft genomen om de gegronde klacht te verhelpen (art. 8.4).',
      missing: (c) => remedyPossible(c.decision) && blank(c.decision.followUpAction),
    },
    {
      path: 'decision.complainantContactedAt',
      message:
        'Vul de datum in waarop de contactpersoon met de klager contact heeft opgenomen over de oplossing (art. 8.4).',
      missing: (c) => remedyPossible(c.decision) && blank(c.decision.complainantContactedAt),
    },
  ],
}

/** What is still missing before `c` may reach `to`; empty when the step may be taken. */
export function missingRequirements(to: Status, c: CaseSnapshot): MissingRequirement[] {
  return REQUIREMENTS[to].filter((rule) => rule.missing(c)).map(({ path, message }) => ({ path, message }))
}

export type IndependenceCheck = { ok: true } | { ok: false; message: string }

/**
 * Art. 4: the handler is independent — never someone recorded as involved in the complaint.
 * Checked on every assignment and whenever the involved staff change, not only at acknowledgement.
 */
export function checkIndependence(handlerId: string | null, involvedStaff: string[]): IndependenceCheck {
  if (handlerId === null || !involvedStaff.includes(handlerId)) return { ok: true }
  return { ok: false, message: 'Deze medewerker is betrokken bij de klacht en mag haar niet behandelen (art. 4).' }
}
