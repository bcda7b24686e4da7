import type { GlobalConfig } from 'payload'

import { invalidateSiteCache } from '../hooks/regulation/invalidateSiteCache'
import { forgetCachedSettings } from '../hooks/settings/cachedSettings'
import { sendPendingNotifications } from '../hooks/settings/sendPendingNotifications'
import { anyone } from './access/anyone'
import { isAdmin } from './access/isAdmin'
import { isStaffField } from './access/isStaff'

/** What administrators configure: Working Progression's own details (Decision 14) and product decisions. */
export const Settings: GlobalConfig = {
  slug: 'settings',
  label: { nl: 'Instellingen', en: 'Settings' },
  admin: { group: { nl: 'Beheer', en: 'Administration' } },
  access: {
    // The public site shows the contact details; fields that are not public deny read below.
    read: anyone,
    update: isAdmin,
  },
  // The CMS keeps the settings in memory (hooks/settings/cachedSettings) and the site shows the
  // contact details from a cache: drop both when they change. Once the UWV labour expert is known,
  // the complaints registered without one are reported (Art. 5).
  hooks: { afterChange: [forgetCachedSettings, invalidateSiteCache, sendPendingNotifications] },
  fields: [
    {
      type: 'collapsible',
      label: { nl: 'Organisatie', en: 'Organisation' },
      admin: {
        description: {
          nl: 'Staat op de website en in elke brief, pas zodra het is ingevuld (Besluit 14).',
          en: 'Shown on the site and in every letter, once filled in (Decision 14).',
        },
      },
      fields: [
        {
          name: 'organisationName',
          type: 'text',
          required: true,
          defaultValue: 'Working Progression',
          label: { nl: 'Naam organisatie', en: 'Organisation name' },
        },
        {
          name: 'address',
          type: 'group',
          label: { nl: 'Adres', en: 'Address' },
          fields: [
            { name: 'street', type: 'text', label: { nl: 'Straat en huisnummer', en: 'Street and number' } },
            {
              name: 'postalCode',
              type: 'text',
              label: { nl: 'Postcode', en: 'Postal code' },
              validate: (value: string | null | undefined) =>
                !value || /^\d{4}\s?[A-Za-z]{2}$/.test(value.trim()) || 'Vul een postcode in zoals 1234 AB.',
            },
            { name: 'city', type: 'text', label: { nl: 'Plaats', en: 'City' } },
          ],
        },
        { name: 'phone', type: 'text', label: { nl: 'Telefoonnummer', en: 'Phone number' } },
        {
          name: 'contactEmail',
          type: 'email',
          label: { nl: 'E-mailadres voor klachten', en: 'E-mail address for complaints' },
        },
      ],
    },
    {
      name: 'senderAddress',
      type: 'email',
      label: { nl: 'Afzender van e-mail', en: 'E-mail sender address' },
      admin: {
        description: {
          nl: 'Het adres waarvandaan brieven per e-mail worden verstuurd. Leeg: het adres uit de serverconfiguratie (MAIL_FROM).',
          en: 'The address letters are sent from. Empty: the server configuration (MAIL_FROM).',
        },
      },
      access: { read: isStaffField },
    },
    {
      name: 'uwvLabourExpert',
      type: 'group',
      label: { nl: 'Aangewezen arbeidsdeskundige UWV', en: 'Designated UWV labour expert' },
      admin: {
        description: {
          nl: 'Krijgt bericht van elke nieuwe klacht (art. 5 en 9) en wordt in elke schriftelijke beslissing genoemd (art. 8). Per zaak te vervangen door de eigen arbeidsdeskundige van de cliënt (Besluit 11).',
          en: 'Notified of every new complaint (Art. 5, 9) and named in every written decision (Art. 8). Overridable per case (Decision 11).',
        },
      },
      access: { read: isStaffField },
      fields: [
        { name: 'name', type: 'text', label: { nl: 'Naam', en: 'Name' } },
        { name: 'email', type: 'email', label: { nl: 'E-mailadres', en: 'E-mail address' } },
        { name: 'phone', type: 'text', label: { nl: 'Telefoonnummer', en: 'Phone number' } },
      ],
    },
    {
      name: 'uwvComplaintProcedure',
      type: 'text',
      label: { nl: 'Klachtenregeling van UWV: adres of link', en: "UWV's complaint procedure: address or link" },
      admin: {
        description: {
          nl: 'Elke beslissing en elk bericht "niet in behandeling" zegt hoe de klager de klachtenregeling van UWV bereikt (art. 8). Bijvoorbeeld de link naar de klachtenpagina van UWV, of een postadres. Leeg: de brief noemt alleen de klachtenregeling.',
          en: "Every decision and non-admission notice says how to reach UWV's complaint procedure (Art. 8).",
        },
      },
    },
    {
      name: 'dayMode',
      type: 'radio',
      required: true,
      defaultValue: 'calendar',
      label: { nl: 'Termijnen tellen in', en: 'Terms count in' },
      options: [
        { value: 'calendar', label: { nl: 'Kalenderdagen', en: 'Calendar days' } },
        {
          value: 'working',
          label: { nl: 'Werkdagen (zonder weekend en feestdagen)', en: 'Working days (no weekends or holidays)' },
        },
      ],
      admin: {
        description: {
          nl: 'Art. 5 zegt "binnen vijf dagen" zonder te zeggen welke dagen. Besluit 1: standaard kalenderdagen.',
          en: 'Art. 5 says "within five days" without saying which days. Decision 1: calendar days by default.',
        },
      },
      access: { read: isStaffField },
    },
    {
      type: 'collapsible',
      label: { nl: 'Privacy (AVG)', en: 'Privacy (GDPR)' },
      admin: {
        description: {
          nl: 'Hoe lang persoonsgegevens blijven bewaard (Besluit 13 en 19). De privacyverklaring op de website noemt deze termijn.',
          en: 'How long personal data is kept (Decisions 13 and 19). The privacy notice on the site states this term.',
        },
      },
      fields: [
        {
          name: 'retentionYears',
          type: 'number',
          required: true,
          defaultValue: 2,
          min: 1,
          max: 20,
          admin: { step: 1 },
          label: {
            nl: 'Bewaartermijn klachtdossier (jaren na afsluiting)',
            en: 'Case retention (years after closing)',
          },
          validate: (value: number | null | undefined) =>
            (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20) ||
            'Vul een heel aantal jaren in, van 1 tot en met 20.',
        },
        {
          name: 'accessLogYears',
          type: 'number',
          required: true,
          defaultValue: 2,
          min: 1,
          max: 20,
          admin: { step: 1 },
          label: { nl: 'Bewaartermijn raadpleeglog (jaren)', en: 'Access log retention (years)' },
          validate: (value: number | null | undefined) =>
            (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20) ||
            'Vul een heel aantal jaren in, van 1 tot en met 20.',
          access: { read: isStaffField },
        },
      ],
    },
  ],
}
