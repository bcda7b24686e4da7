import type { Complaint } from '../../cms/payload-types'
import type { ComplaintInput } from './schema'

/**
 * The shared schema speaks in flat form fields; the collection groups them. This is the one
 * map between the two, used to store a form's input and to put a rule's message at its field.
 */
export const FIELD_PATHS: Record<keyof ComplaintInput, string> = {
  complainantRole: 'complainant.role',
  onBehalfOf: 'complainant.onBehalfOf',
  onBehalfOfName: 'complainant.onBehalfOfName',
  clientName: 'clientName',
  clientOrganisation: 'complainant.clientOrganisation',
  clientOrganisationName: 'complainant.clientOrganisationName',
  name: 'complainant.name',
  nameLatin: 'complainant.nameLatin',
  email: 'complainant.email',
  phone: 'complainant.phone',
  street: 'complainant.street',
  postalCode: 'complainant.postalCode',
  city: 'complainant.city',
  conductWhen: 'conduct.when',
  conductDate: 'conduct.date',
  conductFrom: 'conduct.from',
  conductTo: 'conduct.to',
  involvedKind: 'involved.kind',
  involvedName: 'involved.description',
  categories: 'categories',
  description: 'complaintText',
  desiredOutcome: 'desiredOutcome',
  discussedBefore: 'discussedBefore',
  wantsHearing: 'wantsHearing',
  wantsHelpWriting: 'wantsHelpWriting',
}

type ComplaintData = Partial<Complaint>

/** The collection's data for a validated input. */
export function toComplaintData(input: ComplaintInput): ComplaintData {
  return {
    complainant: {
      role: input.complainantRole,
      onBehalfOf: input.onBehalfOf,
      onBehalfOfName: input.onBehalfOfName ?? null,
      clientOrganisation: input.clientOrganisation ?? null,
      clientOrganisationName: input.clientOrganisationName ?? null,
      name: input.name,
      nameLatin: input.nameLatin ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      street: input.street ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
    },
    clientName: input.clientName ?? null,
    conduct: {
      when: input.conductWhen,
      date: input.conductDate ?? null,
      from: input.conductFrom ?? null,
      to: input.conductTo ?? null,
    },
    involved: { kind: input.involvedKind, description: input.involvedName ?? null },
    categories: input.categories,
    complaintText: input.description,
    desiredOutcome: input.desiredOutcome ?? null,
    discussedBefore: input.discussedBefore,
    wantsHearing: input.wantsHearing,
    wantsHelpWriting: input.wantsHelpWriting,
  }
}

const dateOnly = (value: string | null | undefined) => (value ? value.slice(0, 10) : undefined)

/** The schema's input for stored (or being-stored) data, so the same rules run on staff intake. */
export function fromComplaintData(data: ComplaintData): Record<keyof ComplaintInput, unknown> {
  const c = data.complainant
  return {
    complainantRole: c?.role ?? undefined,
    onBehalfOf: c?.onBehalfOf ?? false,
    onBehalfOfName: c?.onBehalfOfName ?? undefined,
    clientName: data.clientName ?? undefined,
    clientOrganisation: c?.clientOrganisation ?? undefined,
    clientOrganisationName: c?.clientOrganisationName ?? undefined,
    name: c?.name ?? '',
    nameLatin: c?.nameLatin ?? undefined,
    email: c?.email ?? undefined,
    phone: c?.phone ?? undefined,
    street: c?.street ?? undefined,
    postalCode: c?.postalCode ?? undefined,
    city: c?.city ?? undefined,
    conductWhen: data.conduct?.when ?? undefined,
    conductDate: dateOnly(data.conduct?.date),
    conductFrom: dateOnly(data.conduct?.from),
    conductTo: dateOnly(data.conduct?.to),
    involvedKind: data.involved?.kind ?? undefined,
    involvedName: data.involved?.description ?? undefined,
    categories: data.categories ?? [],
    description: data.complaintText ?? '',
    desiredOutcome: data.desiredOutcome ?? undefined,
    discussedBefore: data.discussedBefore ?? undefined,
    wantsHearing: data.wantsHearing ?? false,
    wantsHelpWriting: data.wantsHelpWriting ?? false,
  }
}
