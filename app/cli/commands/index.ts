import { decisionsCommand } from "./decisions";
import { handoffsCommand } from "./handoffs";
import { importPickupPointsCommand } from "./import-pickup-points";
import { importZoneChartCommand } from "./import-zone-chart";
import { jobsCommand } from "./jobs";
import { notificationsCommand } from "./notifications";
import { quoteCommand } from "./quote";
import { reconcileCommand } from "./reconcile";
import { shipmentsCommand } from "./shipments";
import { statusCommand } from "./status";
import { stockCommand } from "./stock";
import type { CliCommand } from "./types";

/** Every `tailroute` sub-command, in the order `--help` lists them. */
export const commands: CliCommand[] = [
  quoteCommand,
  statusCommand,
  decisionsCommand,
  reconcileCommand,
  shipmentsCommand,
  importPickupPointsCommand,
  importZoneChartCommand,
  jobsCommand,
  stockCommand,
  handoffsCommand,
  notificationsCommand,
];
