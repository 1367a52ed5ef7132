/** Where a command reads and writes: the real process streams in the CLI, buffers in tests. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `tailroute <name>` sub-command. `run` resolves to the process exit code (2 = bad input). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
