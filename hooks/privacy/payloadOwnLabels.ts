/**
 * Labels of fields and collections that Payload itself adds (the job queue, the login e-mail, an
 * upload's file name): they carry no Dutch label of their own in the configuration.
 */
export const PAYLOAD_OWN_LABELS: Readonly<Record<string, string>> = {
  'payload-jobs': 'Wachtrij van het systeem',
  'payload-jobs.input': 'Invoer van de opdracht',
  'payload-jobs.log': 'Logboek van de opdracht',
  'users.email': 'E-mailadres',
  '*.filename': 'Bestandsnaam',
  '*.url': 'Adres van het bestand',
  '*.thumbnailURL': 'Adres van het voorbeeldplaatje',
  'users.hash': 'Wachtwoord (alleen als hash)',
  'users.salt': 'Zout van het wachtwoord',
  'users.resetPasswordToken': 'Code om het wachtwoord opnieuw in te stellen',
  'users.sessions': 'Sessies',
  'payload-jobs.taskStatus': 'Stand van de opdracht',
  'payload-jobs.error': 'Fout van de opdracht',
  'complainant-links': 'Links voor de klager',
  'complainant-links.tokenHash': 'Code van de link (alleen als hash)',
  'complainant-sessions.sessionHash': 'Code van de sessie (alleen als hash)',
  'complainant-sessions': 'Sessies van de klager',
}
