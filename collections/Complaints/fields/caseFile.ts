import type { TabsField } from 'payload'

import { acknowledgement } from './acknowledgement'
import { decision } from './decision'
import { delayNotice } from './delayNotice'
import { hearing } from './hearing'
import { informal } from './informal'
import { nonAdmission } from './nonAdmission'
import { withdrawal } from './withdrawal'

/** The case file a handler works in: one named tab per step (each a group in the data). */
export const caseFile: TabsField = {
  // Short names, so that every tab fits beside the sidebar at 1280 px; each tab's description names its article.
  type: 'tabs',
  tabs: [acknowledgement, nonAdmission, decision, informal, delayNotice, hearing, withdrawal],
}

/** The names of the case file's tabs (enforceWorkflow keeps what a handler typed there on taking over a case). */
export const CASE_FILE_TABS: readonly string[] = caseFile.tabs.flatMap((tab) =>
  'name' in tab && tab.name ? [tab.name] : [],
)
