import { headers } from "next/headers";
import { appOrigin } from "@/lib/http/origin";

/** The app's origin as a page (server component) sees it: APP_URL, else the request's Host. */
export async function pageOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  let url: string;
  try {
    url = new URL(`${proto}://${host}/`).toString();
  } catch {
    url = "http://localhost/";
  }
  return appOrigin(new Request(url, { headers: h }));
}
