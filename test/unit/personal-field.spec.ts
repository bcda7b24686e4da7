import { describe, expect, it } from 'vitest'

import { canReadPersonalData } from '../../collections/access/complaintAccess'
import { nobodyField } from '../../collections/access/nobody'
import { personalFieldNames } from '../../collections/access/personalData'
import { personal } from '../../collections/Complaints/fields/personal'

describe('personal(): a field only the assigned handler and managers read (Decision 15)', () => {
  it('sets the read access and keeps the field’s other access keys', () => {
    const field = personal({ name: 'a', type: 'text', access: { update: nobodyField, read: nobodyField } })
    expect('access' in field && field.access).toEqual({ update: nobodyField, read: canReadPersonalData })
  })

  it('puts the field, the group and the named tab on the registry of personal fields; a plain field stays off', () => {
    const names = personalFieldNames([
      { name: 'plain', type: 'text' },
      personal({ name: 'a', type: 'text' }),
      { type: 'row', fields: [personal({ name: 'b', type: 'group', fields: [{ name: 'c', type: 'text' }] })] },
      { type: 'tabs', tabs: [personal({ name: 'd', fields: [] }), { name: 'e', fields: [] }] },
    ])
    expect(names).toEqual(['a', 'b', 'd'])
  })
})
