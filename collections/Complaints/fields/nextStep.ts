import type { Field } from 'payload'

/**
 * "Volgende stap": the steps the workflow allows from here, each with what it still needs, and one
 * action per step (cms/components/NextStepPanel.tsx). Not stored: the status itself stays the field
 * `status`, which the form shows read-only.
 */
export const nextStep: Field = {
  name: 'nextStep',
  type: 'ui',
  label: { nl: 'Volgende stap', en: 'Next step' },
  admin: { position: 'sidebar', components: { Field: '/components/NextStepPanel#NextStepPanel' } },
}
