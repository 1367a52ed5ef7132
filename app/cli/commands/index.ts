import { quoteCommand } from "./quote";
import { statusCommand } from "./status";
import type { CliCommand } from "./types";

/** Every `tailroute` sub-command, in the order `--help` lists them. */
export const commands: CliCommand[] = [quoteCommand, statusCommand];
