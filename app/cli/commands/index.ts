import { decisionsCommand } from "./decisions";
import { quoteCommand } from "./quote";
import { reconcileCommand } from "./reconcile";
import { statusCommand } from "./status";
import type { CliCommand } from "./types";

/** Every `tailroute` sub-command, in the order `--help` lists them. */
export const commands: CliCommand[] = [quoteCommand, statusCommand, decisionsCommand, reconcileCommand];
