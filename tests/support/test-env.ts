/** Variables the app reads whose values in a developer's shell must never reach the tests (docs/testing.md). */
export const AMBIENT_APP_ENV = [
  "SHOPIFY_API_KEY",
  "SHOPIFY_API_SECRET",
  "SHOPIFY_APP_URL",
  "SHOPIFY_ADMIN_API_BASE_URL",
  "TAILROUTE_DEMO",
  "DATABASE_URL",
  "SCOPES",
  "PORT",
  "TAILROUTE_SECRETS_KEY",
  "TAILROUTE_JOB_SUPERVISE_S",
  "TAILROUTE_JOB_ATTEMPT_MS",
  "TAILROUTE_SECRETS_KEY_PREVIOUS",
] as const;

/** Removes them, so every test starts from the same environment a clean CI shell gives it. */
export function clearAmbientAppEnv(env: NodeJS.ProcessEnv): void {
  for (const name of AMBIENT_APP_ENV) delete env[name];
}
