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

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeCallbackUrl(url: string | null | undefined, fallback = "/app"): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
