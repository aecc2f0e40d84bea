/** A draft's key in the studio's database. */
export function newDraftId(): string {
  // randomUUID exists only in secure contexts (not on a plain-http address); a draft id need only be unique on this device.
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
