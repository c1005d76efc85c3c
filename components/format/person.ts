/** A person as pages name them: "First Last", or the e-mail address when both names are empty. */
export function personName(u: { firstName: string; lastName: string; email: string }): string {
  return `${u.firstName} ${u.lastName}`.trim() || u.email;
}
