/** The field errors of a refused save, by path, as the admin shows them; throws when the save went through. */
export async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise
  } catch (error) {
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
    if (errors.length === 0) throw error
    return Object.fromEntries(errors.map((e) => [e.path, e.message]))
  }
  throw new Error('the save was not refused')
}
