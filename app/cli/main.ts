import { commands } from "./commands";
import { EXIT_BAD_INPUT, type CliCommand, type CliIO } from "./commands/types";

function helpText(all: CliCommand[]): string {
  const width = Math.max(...all.map((c) => c.name.length));
  return [
    "Usage: tailroute <command> [options]",
    "",
    "Commands:",
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `tailroute <command> --help` for a command's options.",
    "Environment: DATABASE_URL (default file:./prisma/dev.sqlite, the same database `npm run demo` uses).",
    "",
  ].join("\n");
}

/** A failure in words a merchant's developer can act on (Prisma's own message for an empty database is a stack). */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/does not exist in the current database/.test(message)) {
    return "the database at DATABASE_URL has no Tailroute tables yet: run `npm run db:migrate` (or `npm run demo`).";
  }
  return message;
}

/** Dispatches `tailroute <command> …`; returns the exit code. */
export async function runCli(argv: string[], io: CliIO, all: CliCommand[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText(all));
    return name ? 0 : EXIT_BAD_INPUT;
  }
  const command = all.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${helpText(all)}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

/** Runs `tailroute` with this process's arguments and streams, and exits with the command's code. */
export function runAsProcess(): void {
  const io: CliIO = {
    stdin: process.stdin,
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`tailroute: ${describeFailure(error)}\n`);
      process.exit(1);
    },
  );
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) runAsProcess();
