import type { Payload } from 'payload'

import { readSettings } from '../../hooks/settings/cachedSettings'

type Props = { payload: Payload }

/** Working Progression's name as the settings hold it (Decision 14), also on the login page. */
async function organisationName(payload: Payload): Promise<string> {
  const settings = await readSettings(payload).catch(() => null)
  return settings?.organisationName?.trim() || 'Working Progression'
}

/**
 * A plain mark: the initials in a square, in the admin's own text colour (cms/public/favicon.svg is
 * the same mark, filled, for the browser tab). `size` may be a length such as "100%".
 */
function Mark({ size }: { size: number | string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <text
        x="16"
        y="21"
        textAnchor="middle"
        fontSize="13"
        fontWeight="700"
        fill="currentColor"
        fontFamily="sans-serif"
      >
        WP
      </text>
    </svg>
  )
}

/** The login page's logo (admin.components.graphics.Logo) instead of Payload's. */
export async function Logo({ payload }: Props) {
  const name = await organisationName(payload)
  return (
    <span className="wp-brand wp-brand--logo">
      <Mark size={48} />
      <span className="wp-brand__name">{name}</span>
      <span className="wp-brand__product">Klachtenportaal</span>
    </span>
  )
}

/**
 * The nav's icon (admin.components.graphics.Icon) instead of Payload's. Payload gives it the small
 * square of its "home" link and hides what sticks out: the mark fills that square (custom.css
 * sizes it) instead of a fixed size, so both letters show.
 */
export async function Icon({ payload }: Props) {
  const name = await organisationName(payload)
  return (
    <span className="wp-brand wp-brand--icon" title={name}>
      <Mark size="100%" />
      <span className="wp-brand__sr">{name}</span>
    </span>
  )
}
