// The EasyPost fake in a process of its own (bench/http-callback-live.ts), as a remote API would be: the load
// generator's event loop never delays its answers. Prints its base URL on the first line of stdout.
import { startEasyPostFake } from "../../tests/support/fakes/easypost-fake";

const fake = await startEasyPostFake();
fake.behaviour.latencyMs = Number(process.env.FAKE_LATENCY_MS ?? 200);
// Keep the request log from growing for the whole run: only its size is reported.
let answered = 0;
setInterval(() => {
  answered += fake.requests.length;
  fake.requests.length = 0;
}, 1000).unref();
process.stdout.write(`${fake.baseUrl}\n`);
process.on("message", () => process.send?.({ answered: answered + fake.requests.length }));
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
