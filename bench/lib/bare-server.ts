import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/app-server";

export interface BareServer {
  url: string;
  pid: number | undefined;
  child: ChildProcess;
  stop(): void;
}

/**
 * A bare node:http server in a process of its own, as the app server is (in the bench's process it would share one
 * event loop with autocannon and look twice as slow): it answers each request with the next of `answers`, in order.
 */
export async function startBareServer(dir: string, answers: string[]): Promise<BareServer> {
  const file = join(dir, `bare-answers-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(answers));
  const port = await freePort();
  const script = `
    const answers = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"));
    let next = 0;
    require("node:http").createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end(answers[next++ % answers.length]));
    }).listen(${port}, "127.0.0.1", () => process.stdout.write("ready"));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid, child, stop: () => child.kill() };
}
