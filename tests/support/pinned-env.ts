// Runs before every test file of every project (vitest.config.ts `setupFiles`). The suite must pass whatever the
// developer's shell exports: a real SHOPIFY_API_SECRET or DATABASE_URL there would otherwise reach code under
// test (and the CLIs it spawns, which inherit process.env) and make signatures or databases disagree with what
// the tests set up. Tests that need one of these set it themselves; the app server under test gets its own in
// tests/support/global-setup.ts.
import { clearAmbientAppEnv } from "./test-env";

clearAmbientAppEnv(process.env);
