import type { AppError } from "@/lib/errors";
import { families, type Family } from "./families";

// Each family's envelope is declared once, in ./families.ts; these are its two renderings.
export { familyOf, type Family } from "./families";

export function successBody(family: Family, data: unknown, status: number, message: string): unknown {
  return families[family].successBody(data, status, message);
}

export function errorBody(family: Family, err: AppError, hadAuthHeader: boolean): unknown {
  return families[family].errorBody(err, hadAuthHeader);
}
