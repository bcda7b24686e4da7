import type { Setting } from '../../cms/payload-types'

export type MissingSetting = { path: string; label: string; neededFor: string }

const blank = (value: string | null | undefined) => !value?.trim()

/**
 * Every setting a letter or notification needs, and what is missing of it. Without the UWV labour
 * expert no registration can be reported (Art. 5) and no decision names them (Art. 8); without
 * Working Progression's own details the letters go out without a return address or a number to
 * call (Decision 14). Pure: the dashboard shows the list, and names no value.
 */
export function missingSettings(settings: Partial<Setting>): MissingSetting[] {
  const missing: MissingSetting[] = []
  const expert = settings.uwvLabourExpert
  if (blank(expert?.email))
    missing.push({
      path: 'uwvLabourExpert.email',
      label: 'E-mailadres van de arbeidsdeskundige UWV',
      neededFor: 'de melding van elke nieuwe klacht (art. 5)',
    })
  if (blank(expert?.name))
    missing.push({
      path: 'uwvLabourExpert.name',
      label: 'Naam van de arbeidsdeskundige UWV',
      neededFor: 'elke beslissing, die de arbeidsdeskundige noemt (art. 8)',
    })
  if (blank(settings.organisationName))
    missing.push({ path: 'organisationName', label: 'Naam organisatie', neededFor: 'elke brief (besluit 14)' })
  const address = settings.address
  const addressParts = [
    ['street', 'straat en huisnummer'],
    ['postalCode', 'postcode'],
    ['city', 'plaats'],
  ] as const
  const gaps = addressParts.filter(([key]) => blank(address?.[key]))
  if (gaps.length > 0)
    missing.push({
      path: `address.${gaps[0]?.[0] ?? 'street'}`,
      label: `Adres (${gaps.map(([, name]) => name).join(', ')})`,
      neededFor: 'het adres boven elke brief en het antwoordadres van brieven per post (besluit 14)',
    })
  if (blank(settings.phone))
    missing.push({
      path: 'phone',
      label: 'Telefoonnummer',
      neededFor: 'elke brief: wie geen e-mail heeft, belt voor inzage (besluit 14, 20)',
    })
  if (blank(settings.contactEmail))
    missing.push({
      path: 'contactEmail',
      label: 'E-mailadres voor klachten',
      neededFor: 'het adres onder elke brief en de agenda-afspraak van een gesprek (art. 6)',
    })
  return missing
}
