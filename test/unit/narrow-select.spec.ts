import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { narrowIncludeSelect } from '../../cms/lib/narrowSelect'

/** A collection's shape in miniature: plain fields, a group holding an array, a group within a group. */
const fields = [
  { name: 'reference', type: 'text' },
  { name: 'status', type: 'select' },
  {
    name: 'hearing',
    type: 'group',
    flattenedFields: [
      { name: 'at', type: 'date' },
      { name: 'attendees', type: 'array', flattenedFields: [{ name: 'name', type: 'text' }] },
      {
        name: 'report',
        type: 'group',
        flattenedFields: [{ name: 'pages', type: 'array', flattenedFields: [] }],
      },
    ],
  },
  { name: 'nextDeadline', type: 'group', flattenedFields: [{ name: 'due', type: 'date' }] },
  { name: 'details', type: 'tab', flattenedFields: [{ name: 'notes', type: 'array', flattenedFields: [] }] },
] as unknown as FlattenedField[]

describe('an include-mode select, narrowed for the SQL adapter', () => {
  it('names every group and tab the select leaves out with an empty selection, so its arrays are not read', () => {
    expect(narrowIncludeSelect({ reference: true, nextDeadline: { due: true } }, fields)).toEqual({
      reference: true,
      nextDeadline: { due: true },
      hearing: {},
      details: {},
    })
  })

  it('goes into a group the select names in part, and leaves a group chosen whole as it is', () => {
    expect(narrowIncludeSelect({ hearing: { at: true } }, fields)).toEqual({
      hearing: { at: true, report: {} },
      nextDeadline: {},
      details: {},
    })
    expect(narrowIncludeSelect({ hearing: true }, fields)).toEqual({ hearing: true, nextDeadline: {}, details: {} })
  })

  it('changes nothing in an exclude-mode select (the adapter already reads all that is not excluded)', () => {
    const exclude = { hearing: false } as const
    expect(narrowIncludeSelect(exclude, fields)).toBe(exclude)
  })

  it('does not change the caller’s object (Payload’s own handling reads the original)', () => {
    const select = { reference: true } as const
    narrowIncludeSelect(select, fields)
    expect(select).toEqual({ reference: true })
  })
})
