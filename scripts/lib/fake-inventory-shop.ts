import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";

interface FakeItem {
  id: string;
  variantId: string | null;
  tracked: boolean;
  /** location gid → available, updatedAt */
  levels: Map<string, { available: number; updatedAt: string }>;
}

interface FakeBulkOperation {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED";
  errorCode: string | null;
  polls: number;
  jsonl: string;
}

/**
 * A stateful fake of a shop's inventory in the Admin GraphQL API: inventory items with their variant and levels,
 * and query bulk operations as shopify.dev documents them — `bulkOperationRunQuery` answers `{ bulkOperation,
 * userErrors }` (one query operation at a time per shop: a second is refused with OPERATION_IN_PROGRESS),
 * `bulkOperation(id:)` goes CREATED → RUNNING → COMPLETED (or FAILED with an errorCode) with a growing
 * `objectCount`, and the result is JSONL (groupObjects false: one object a line, nested nodes carry `__parentId`)
 * served from its own host like Shopify's storage URL.
 */
export class FakeInventoryShop {
  readonly items = new Map<string, FakeItem>();
  readonly operations = new Map<string, FakeBulkOperation>();
  /** The next operation fails with this errorCode (e.g. INTERNAL_SERVER_ERROR). */
  failNextWith: string | null = null;
  /** Polls an operation stays RUNNING before it completes. */
  pollsUntilDone = 1;
  jsonlDownloads = 0;
  private nextId = 1;
  private server: Server | undefined;
  private storageUrl = "";

  constructor(private readonly admin: FakeShopifyAdmin) {}

  /** An item with its levels; `available` per location gid. Untracked items have no quantities to speak of. */
  addItem(
    itemNumber: number,
    variantNumber: number | null,
    available: Record<string, number>,
    options: { tracked?: boolean; updatedAt?: string } = {},
  ): this {
    const id = `gid://shopify/InventoryItem/${itemNumber}`;
    const updatedAt = options.updatedAt ?? "2026-12-01T10:00:00Z";
    this.items.set(id, {
      id,
      variantId: variantNumber === null ? null : `gid://shopify/ProductVariant/${variantNumber}`,
      tracked: options.tracked ?? true,
      levels: new Map(Object.entries(available).map(([loc, n]) => [loc, { available: n, updatedAt }])),
    });
    return this;
  }

  async install(): Promise<this> {
    this.server = createServer((req, res) => {
      const op = this.operations.get(decodeURIComponent((req.url ?? "").replace(/^\/bulk\//, "")));
      if (!op || op.status !== "COMPLETED") {
        res
          .writeHead(404, { "Content-Type": "application/xml" })
          .end("<Error><Code>NoSuchKey</Code></Error>");
        return;
      }
      this.jsonlDownloads += 1;
      res.writeHead(200, { "Content-Type": "application/jsonl" }).end(op.jsonl);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.storageUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.admin.on("bulkOperationRunQuery", (call) => this.run(call));
    this.admin.on("bulkOperation", (call) => this.poll(call));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private run(call: GraphqlCall) {
    const query = String(call.variables.query ?? "");
    if (!query.includes("inventoryItems"))
      return {
        bulkOperationRunQuery: {
          bulkOperation: null,
          userErrors: [{ field: ["query"], message: "Invalid bulk query", code: "INVALID" }],
        },
      };
    const busy = [...this.operations.values()].some((o) => o.status === "CREATED" || o.status === "RUNNING");
    if (busy)
      return {
        bulkOperationRunQuery: {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: "A bulk query operation for this app and shop is already in progress.",
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        },
      };
    const id = `gid://shopify/BulkOperation/${this.nextId++}`;
    const errorCode = this.failNextWith;
    this.failNextWith = null;
    this.operations.set(id, { id, status: "CREATED", errorCode, polls: 0, jsonl: this.snapshotJsonl() });
    return { bulkOperationRunQuery: { bulkOperation: { id, status: "CREATED" }, userErrors: [] } };
  }

  private poll(call: GraphqlCall) {
    const op = this.operations.get(String(call.variables.id));
    if (!op) return { bulkOperation: null };
    op.polls += 1;
    if (op.polls > this.pollsUntilDone) op.status = op.errorCode ? "FAILED" : "COMPLETED";
    else op.status = "RUNNING";
    const lines = op.jsonl.split("\n").filter(Boolean).length;
    const done = op.status === "COMPLETED";
    return {
      bulkOperation: {
        id: op.id,
        status: op.status,
        errorCode: op.status === "FAILED" ? op.errorCode : null,
        objectCount: String(done ? lines : Math.floor(lines / 2)),
        url: done ? `${this.storageUrl}/bulk/${encodeURIComponent(op.id)}` : null,
        partialDataUrl: null,
      },
    };
  }

  /** The JSONL the stock query returns now: an item line, then one line per level with `__parentId`. */
  private snapshotJsonl(): string {
    const out: string[] = [];
    for (const item of this.items.values()) {
      out.push(
        JSON.stringify({
          id: item.id,
          tracked: item.tracked,
          variant: item.variantId ? { id: item.variantId } : null,
        }),
      );
      for (const [location, level] of item.levels) {
        const number = item.id.split("/").pop();
        out.push(
          JSON.stringify({
            id: `gid://shopify/InventoryLevel/${location.split("/").pop()}?inventory_item_id=${number}`,
            location: { id: location },
            quantities: [{ name: "available", quantity: level.available }],
            updatedAt: level.updatedAt,
            __parentId: item.id,
          }),
        );
      }
    }
    return out.join("\n") + "\n";
  }
}
