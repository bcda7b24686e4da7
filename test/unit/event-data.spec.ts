import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { EVENT_DATA } from '../../hooks/caseEvents/eventData'
import { CASE_EVENT_TYPES } from '../../hooks/caseEvents/eventTypes'

/**
 * Decision 19 and Art. 9: a timeline entry holds codes, ids and instants only, never free text,
 * so that anonymising a case leaves its timeline (and the report built on it) as it is. Reasons
 * (a correction's, a legal hold's) stay on the case: an entry only records that one was given.
 */
type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  options?: z.ZodType[]
  in?: z.ZodType
  out?: z.ZodType
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[]
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Text a person might type: a name, a reason. A code, an id or an instant never looks like this. */
const PROSE = ['Jan Jansen woont in Utrecht', 'De klager heeft het ingetrokken.', 'jan@example.nl', '']

/**
 * The paths of `schema` where any text may go: a string without a pattern (an enum, a literal or a
 * regex that refuses prose). Walks objects, arrays, optional, nullable, unions and pipes; fails on
 * a kind of schema it does not know, so that a new construct cannot slip past unchecked.
 */
export function freeTextPaths(schema: z.ZodType, path = '(data)'): string[] {
  const def = defOf(schema)
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => freeTextPaths(value, `${path}.${key}`))
    case 'array':
      return def.element ? freeTextPaths(def.element, `${path}[]`) : [path]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return def.innerType ? freeTextPaths(def.innerType, path) : [path]
    case 'union':
      return (def.options ?? []).flatMap((option) => freeTextPaths(option, path))
    case 'pipe':
      return [...(def.in ? freeTextPaths(def.in, path) : []), ...(def.out ? freeTextPaths(def.out, path) : [])]
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'int':
    case 'null':
      return []
    case 'string': {
      const patterns = (def.checks ?? [])
        .map((check) => check._zod.def)
        .filter((check) => check.check === 'string_format' && check.format === 'regex' && check.pattern)
        .map((check) => check.pattern as RegExp)
      const refusesProse = patterns.length > 0 && PROSE.every((text) => patterns.some((p) => !p.test(text)))
      return refusesProse ? [] : [path]
    }
    default:
      return [`${path} (${def.type}: not known to this check)`]
  }
}

describe('Decision 19: timeline entries hold no free text', () => {
  it('the check itself: a bare string, or a pattern that lets prose through, is found', () => {
    const schema = z.object({
      code: z.enum(['a', 'b']),
      reason: z.string().max(500),
      list: z.array(z.string().optional()),
      loose: z.string().regex(/.*/),
      id: z.string().regex(/^[\w-]+$/),
    })
    expect(freeTextPaths(schema)).toEqual(['(data).reason', '(data).list[]', '(data).loose'])
  })

  it.each(CASE_EVENT_TYPES.map((type) => ({ type })))('$type: codes, ids and instants only', ({ type }) => {
    expect(freeTextPaths(EVENT_DATA[type], type)).toEqual([])
  })
})
