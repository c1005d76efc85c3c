// Client components call the same route handlers as API clients (the web session cookie
// authenticates them). Errors carry the server's message, which names the field.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function errorOf(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Record<string, unknown>;
  const nested = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>) : undefined;
  const message = (typeof b.message === "string" && b.message) || (nested && typeof nested.message === "string" && nested.message) || `Request failed (${status})`;
  const code = (typeof b.code === "string" && b.code) || (typeof b.error === "string" && b.error) || (nested?.code as string | undefined);
  return new ApiError(status, message, code || undefined, (b.details ?? nested?.details) as Record<string, unknown> | undefined);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Record<string, string | number | undefined> } = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: "same-origin",
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw errorOf(res.status, body);
  return body as T;
}

/** Never retry a 401/403/404/4xx: only transient failures. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}
