/**
 * Payload's own Dutch strings, where they read wrong for a handler (merged over Payload's `nl`
 * translation). The portal addresses staff as "u", as the rest of the interface does; Payload's
 * translation mixes in "je".
 */
export const dutchOverrides = {
  error: {
    insufficientClipboardPermissions: 'Toegang tot het klembord geweigerd. Controleer uw klembordmachtigingen.',
  },
  fields: {
    // The button that opens or closes a group of fields (Payload: "Blok togglen").
    toggleBlock: 'Openen of sluiten',
  },
  general: {
    aboutToDeleteCount_many: 'U staat op het punt {{count}} {{label}} te verwijderen',
    aboutToDeleteCount_one: 'U staat op het punt {{count}} {{label}} te verwijderen',
    aboutToDeleteCount_other: 'U staat op het punt {{count}} {{label}} te verwijderen',
    currentlyEditing:
      'bewerkt dit document nu. Als u het overneemt, kan deze persoon niet verder bewerken en gaan wijzigingen die nog niet zijn opgeslagen mogelijk verloren.',
    editedSince: 'Bewerkt sinds',
    // An empty cell in a list, e.g. a case without a handler (Payload: 'Geen "Behandelaar"').
    noLabel: 'Niet ingevuld',
    resetPreferencesDescription: 'Hiermee zet u al uw voorkeuren terug naar de standaardinstellingen.',
  },
  version: {
    aboutToPublishSelection: 'U staat op het punt om alle {{label}} in de selectie te publiceren. Weet u het zeker?',
  },
}
