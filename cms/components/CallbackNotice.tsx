/**
 * Art. 3: on a case whose complainant asked for help writing the complaint down, until someone
 * records the call-back (the field's condition shows it only then). The request is no personal
 * data: a handler sees it on a new case in the queue too.
 */
export function CallbackNotice() {
  return (
    <div
      role="note"
      className="callback-notice"
      style={{
        border: '2px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-100)',
        borderRadius: 'var(--style-radius-m)',
        padding: 'var(--base)',
        marginBottom: 'var(--base)',
      }}
    >
      <strong style={{ display: 'block', fontSize: '1.1rem' }}>Klager wil hulp bij het opschrijven: bel terug</strong>
      <span>
        Schrijf de klacht samen met de klager op (art. 3) en stuur die versie naar de klager om te controleren. Gebeld?
        Vink dan in de zijbalk &quot;Ik heb de klager teruggebeld&quot; aan en sla op.
      </span>
    </div>
  )
}
