// What the sign-in form shows for each failure next-auth reports (`error` is the code the
// credentials provider threw, or CredentialsSignin for a plain refusal).
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Invalid e-mail or password.",
  password_expired: "Your password has expired. Use the link from your administrator to set a new one.",
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return SIGN_IN_ERRORS[code] ?? "Sign-in failed. Please try again.";
}

// Stands in for the app's origin when the caller does not know it: a relative value must stay on it.
const PLACEHOLDER_ORIGIN = "http://app.invalid";

/**
 * Only same-origin targets are followed after sign-in (no open redirect). The value is parsed
 * the way a browser will (`new URL(value, origin)`: tabs and newlines dropped, backslashes read as
 * slashes, `//host` a new host), and only a result on `origin` is kept, as its path, query and
 * hash (percent-encoded, so it is also a valid Location header). Anything else gives `fallback`.
 */
export function safeCallbackUrl(url: unknown, fallback = "/app", origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof url !== "string" || url === "") return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(url, base);
    // an encoded form (`/%09/evil.host`, `/%2F%2Fevil.host`) must be safe once decoded too,
    // in case anything on the way decodes it again
    if (new URL(decodeURIComponent(url), base).origin !== base.origin) return fallback;
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // belt and braces: the result must itself read as a path on this origin
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : fallback;
}
