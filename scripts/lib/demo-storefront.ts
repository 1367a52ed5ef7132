// A stand-in Shopify storefront for the demo and the storefront browser test: a product page and a cart page that
// render the theme app extension's own blocks (extensions/delivery-promise, Liquid rendered with liquidjs), serve
// its assets, keep a cart behind Shopify's Ajax cart endpoints (/cart.js, /cart/add, /cart/update.js), and forward
// /apps/tailroute/* to the app signed as Shopify's app proxy signs it (scripts/lib/app-proxy.ts).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { PROJECT_ROOT } from "./app-server";
import { signedProxyQuery } from "./app-proxy";

const EXTENSION = join(PROJECT_ROOT, "extensions/delivery-promise");
const GRAMS_PER_OUNCE = 28.349523125;

export interface StorefrontVariant {
  id: string;
  title: string;
  /** Unit price in cents, as Liquid's `variant.price`. */
  price: number;
  /** Unit weight in grams, as Liquid's `variant.weight`. */
  weight: number;
}

const profile = (variantId: string) => demoShopConfig.productProfiles.find((p) => p.variantId === variantId);
const variant = (id: string, price: number, note: string): StorefrontVariant => ({
  id,
  title: `${profile(id)?.name ?? id} (${note})`,
  price,
  weight: Math.round((profile(id)?.weightOz ?? 0) * GRAMS_PER_OUNCE),
});

/** The demo catalogue on the product page: a small parcel and a bulky item that only freight carries. */
export const STOREFRONT_VARIANTS: StorefrontVariant[] = [
  variant(DEMO_VARIANTS.tee, 2000, "small parcel"),
  variant(DEMO_VARIANTS.sofa, 89900, "bulky, freight"),
];

type Locale = { delivery_promise: Record<string, string> };

/** Renders the extension's blocks as a theme would: the `t` filter from the locale, settings at their defaults. */
export function blockRenderer(localeFile = "locales/en.default.json") {
  const locale = JSON.parse(readFileSync(join(EXTENSION, localeFile), "utf8")) as Locale;
  const engine = new Liquid({ strictFilters: true });
  // `'delivery_promise.x' | t: name: value` — keyword arguments arrive as [name, value] pairs.
  engine.registerFilter("t", (key: string, ...args: unknown[]) => {
    const text = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale);
    if (typeof text !== "string") throw new Error(`missing translation ${key}`);
    const values = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
  });
  // The block's {% schema %} is read by Shopify, never rendered.
  engine.registerTag("schema", {
    parse(_token: TagToken, remain: TopLevelToken[]) {
      for (let token = remain.shift(); token; token = remain.shift())
        if ((token as TagToken).name === "endschema") return;
      throw new Error("{% schema %} without {% endschema %}");
    },
    render: () => "",
  });
  return (block: "delivery-promise" | "cart-promise", context: Record<string, unknown>): string => {
    const source = readFileSync(join(EXTENSION, "blocks", `${block}.liquid`), "utf8");
    const schema = JSON.parse(/\{% schema %\}([\s\S]*?)\{% endschema %\}/.exec(source)![1]) as {
      settings: { id?: string; type: string; default?: unknown }[];
    };
    const settings = Object.fromEntries(
      schema.settings
        .filter((s) => s.id)
        .map((s) => [s.id, s.default ?? (s.type === "checkbox" ? false : "")]),
    );
    return engine.parseAndRenderSync(source, {
      block: { id: `demo-${block}`, settings, shopify_attributes: "" },
      customer: null,
      routes: { root_url: "/", cart_url: "/cart" },
      ...context,
    });
  };
}

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #ddd;margin-bottom:1.5rem}
.demo-note{font-size:.85rem;color:#666}form.product label{display:block;margin:.75rem 0 .25rem;font-weight:600}
select,input,button{font:inherit;padding:.35rem .5rem}.price{font-size:1.25rem}.tr-promise{border:1px solid #e3e3e3;border-radius:8px;padding:.75rem 1rem}
table{border-collapse:collapse;width:100%}td,th{padding:.35rem;border-bottom:1px solid #eee;text-align:left}`;

function layout(title: string, body: string, blockScript: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${PAGE_STYLE}</style><link rel="stylesheet" href="/assets/delivery-promise.css"></head><body>
<header><strong>Tailroute demo store</strong><nav><a href="/products/demo">Product</a> · <a href="/cart">Cart</a></nav></header>
${body}
<p class="demo-note">Stand-in storefront of <code>npm run demo</code>: the theme app block of extensions/delivery-promise,
rendered from its Liquid; /apps/tailroute/* is forwarded to the app signed as Shopify's app proxy does.</p>
${blockScript ? '<script src="/assets/delivery-promise.js" defer></script>' : ""}
</body></html>`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export interface DemoStorefront {
  url: string;
  productUrl: string;
  cartUrl: string;
  /** The one cart of this storefront (variant id → quantity) and its attributes. */
  cart: { lines: Map<string, number>; attributes: Record<string, string> };
  stop(): Promise<void>;
}

/**
 * Starts the stand-in storefront. `appUrl` is the app; `shop` and `secret` are what the proxy signs with. `port`
 * 0 (default) picks a free one.
 */
export async function startDemoStorefront(options: {
  appUrl: string;
  shop: string;
  secret: string;
  port?: number;
  host?: string;
}): Promise<DemoStorefront> {
  const render = blockRenderer();
  const cart = { lines: new Map<string, number>(), attributes: {} as Record<string, string> };
  const byId = new Map(STOREFRONT_VARIANTS.map((v) => [v.id, v]));

  const productPage = (selectedId: string | null) => {
    const selected = byId.get(selectedId ?? "") ?? STOREFRONT_VARIANTS[0];
    const product = {
      title: "Demo catalogue",
      variants: STOREFRONT_VARIANTS,
      selected_or_first_available_variant: selected,
    };
    const options = STOREFRONT_VARIANTS.map(
      (v) =>
        `<option value="${v.id}"${v === selected ? " selected" : ""}>${escapeHtml(v.title)} · ${dollars(v.price)}</option>`,
    ).join("");
    return layout(
      "Demo catalogue",
      `<div class="shopify-section"><h1>Demo catalogue</h1>
<form class="product" action="/cart/add" method="post">
  <label for="variant">Variant</label><select id="variant" name="id">${options}</select>
  <label for="quantity">Quantity</label><input id="quantity" name="quantity" type="number" min="1" value="1">
  <p><button type="submit">Add to cart</button></p>
</form>
${render("delivery-promise", { product })}
</div>
<p id="below">Pick the T-shirt (a small parcel that lockers take) or the sofa (bulky: LTL freight, no locker). Type a US ZIP in the block above.</p>`,
      true,
    );
  };

  const cartPage = () => {
    const rows = [...cart.lines]
      .map(([id, quantity]) => {
        const v = byId.get(id);
        return `<tr><td>${escapeHtml(v?.title ?? id)}</td><td>${quantity}</td><td>${dollars((v?.price ?? 0) * quantity)}</td></tr>`;
      })
      .join("");
    return layout(
      "Cart",
      `<div class="shopify-section"><h1>Cart</h1>${
        rows
          ? `<table><tr><th>Item</th><th>Quantity</th><th>Total</th></tr>${rows}</table>
<form action="/cart/clear" method="post"><p><button type="submit">Empty the cart</button></p></form>`
          : "<p>Your cart is empty.</p>"
      }
${render("cart-promise", {})}</div><p id="below">Checkout would quote the same windows for this cart.</p>`,
      true,
    );
  };

  const cartJson = () => ({
    token: "demo-cart",
    attributes: cart.attributes,
    item_count: [...cart.lines.values()].reduce((s, q) => s + q, 0),
    items: [...cart.lines].map(([id, quantity]) => {
      const v = byId.get(id);
      return {
        id: Number(id),
        variant_id: Number(id),
        title: v?.title ?? id,
        quantity,
        price: v?.price ?? 0,
        grams: v?.weight ?? 0,
        requires_shipping: true,
      };
    }),
  });

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => resolve(body));
    });
  const sendJson = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  const addLine = (id: string, quantity: number) => {
    if (!byId.has(id) || !(quantity > 0)) return false;
    cart.lines.set(id, (cart.lines.get(id) ?? 0) + Math.min(quantity, 999));
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://storefront.invalid");
    const path = url.pathname;
    if (req.method === "GET" && (path === "/" || path === "/products/demo")) {
      res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
        .end(productPage(url.searchParams.get("variant")));
    } else if (req.method === "GET" && path === "/cart") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(cartPage());
    } else if (req.method === "GET" && path === "/cart.js") {
      sendJson(res, 200, cartJson());
    } else if (req.method === "POST" && path === "/cart/add") {
      const form = new URLSearchParams(await readBody(req));
      addLine(form.get("id") ?? "", Number(form.get("quantity") ?? 1));
      res.writeHead(302, { Location: "/cart" }).end();
    } else if (req.method === "POST" && path === "/cart/clear") {
      await readBody(req);
      cart.lines.clear();
      res.writeHead(302, { Location: "/cart" }).end();
    } else if (req.method === "POST" && path === "/cart/update.js") {
      // Shopify's Ajax cart: `attributes` are merged into the cart's (shopify.dev, Cart API reference).
      try {
        const body = JSON.parse(await readBody(req)) as { attributes?: Record<string, unknown> };
        for (const [key, value] of Object.entries(body.attributes ?? {}))
          cart.attributes[key] = String(value);
        sendJson(res, 200, cartJson());
      } catch {
        sendJson(res, 400, { status: 400, message: "Bad Request", description: "Invalid JSON" });
      }
    } else if (req.method === "GET" && path.startsWith("/assets/")) {
      const file = path.slice("/assets/".length);
      if (!/^[\w.-]+\.(js|css)$/.test(file)) return res.writeHead(404).end();
      const type = file.endsWith(".js") ? "text/javascript" : "text/css";
      try {
        res.writeHead(200, { "Content-Type": type }).end(readFileSync(join(EXTENSION, "assets", file)));
      } catch {
        res.writeHead(404).end();
      }
    } else if (req.method === "GET" && path.startsWith("/apps/tailroute/")) {
      // Shopify's app proxy: /apps/tailroute/<rest> → {app}/proxy/<rest>, with its parameters added and signed.
      const target = new URL(`/proxy/${path.slice("/apps/tailroute/".length)}`, options.appUrl);
      const signed = signedProxyQuery(Object.fromEntries(url.searchParams), {
        shop: options.shop,
        secret: options.secret,
      });
      for (const [key, value] of Object.entries(signed)) target.searchParams.set(key, value);
      const answer = await fetch(target);
      res
        .writeHead(answer.status, {
          "Content-Type": answer.headers.get("content-type") ?? "application/json",
          "Cache-Control": answer.headers.get("cache-control") ?? "no-store",
        })
        .end(await answer.text());
    } else res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        res
          .writeHead(502, { "Content-Type": "text/plain" })
          .end(error instanceof Error ? error.message : "error");
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  return {
    url,
    productUrl: `${url}/products/demo`,
    cartUrl: `${url}/cart`,
    cart,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
