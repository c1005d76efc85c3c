// One interface for every place screenshots can live. Keys are made by `newObjectKey`
// (lib/storage/keys.ts), never from user input.
export type StorageProvider = "local" | "uploadthing";

export interface ObjectStorage {
  readonly provider: StorageProvider;
  /** Stores the bytes under a new key; never overwrites an existing object. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the objects; keys with nothing stored are ignored. */
  delete(keys: string[]): Promise<void>;
}
