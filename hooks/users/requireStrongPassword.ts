import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

export const MIN_PASSWORD_LENGTH = 12

/** Issue 8: passwords of at least 12 characters, on every way an account gets one. */
export const requireStrongPassword: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password === 'string' && password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'password', message: `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.` }],
      req,
    }, req.t)
  }
  return data
}
