import type EasyPostClient from "@easypost/api";

export type EasyPostSdk = InstanceType<typeof EasyPostClient>;

/**
 * The official SDK's client class (`@easypost/api` 8), imported on the first call that needs it: importing the
 * package costs a process about 0.2 s of CPU, which every server start, job worker and CLI command paid whether or
 * not it ever called EasyPost (docs/performance.md, "Start-up").
 */
export async function loadEasyPostClient(): Promise<typeof EasyPostClient> {
  return (await import("@easypost/api")).default;
}
