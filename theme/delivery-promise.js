/* global document, window, localStorage, location, URLSearchParams, AbortController */
/* Tailroute delivery promise (docs/storefront.md). Plain JavaScript, no framework: follows the product form's
   variant and quantity (or, in the cart block, the cart's lines from /cart.js), asks /apps/tailroute/promise,
   shows nothing when the answer is an error. On add to cart it keeps the windows shown in a cart attribute. */
(() => {
  "use strict";
  const ZIP_KEY = "tailroute:zip";
  const PROMISE_ATTRIBUTE = "_tailroute_promise";
  const ZIP = /^\d{5}$/;
  const DAY_MINUTES = 24 * 60;

  const fill = (template, values) =>
    String(template || "").replace(/%(\w+)%/g, (_, key) =>
      values[key] === undefined ? "" : String(values[key]),
    );

  const readJson = (root, selector) => {
    const node = root.querySelector(selector);
    try {
      return node ? JSON.parse(node.textContent) : {};
    } catch {
      return {};
    }
  };

  const storedZip = () => {
    try {
      return localStorage.getItem(ZIP_KEY) || "";
    } catch {
      return "";
    }
  };

  const storeZip = (zip) => {
    try {
      localStorage.setItem(ZIP_KEY, zip);
    } catch {
      /* private mode: the ZIP lives for this page only */
    }
  };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  class DeliveryPromise {
    constructor(root) {
      this.root = root;
      this.strings = readJson(root, "script[data-strings]");
      this.variants = readJson(root, "script[data-variants]");
      this.form = root.querySelector(".tr-promise__zip");
      this.input = this.form.querySelector("input");
      this.result = root.querySelector(".tr-promise__result");
      this.speeds = (root.dataset.speeds || "").split(",").filter(Boolean);
      const customerZip = root.dataset.customerZip || "";
      this.zip = ZIP.test(customerZip) ? customerZip : storedZip();
      this.cart = root.dataset.mode === "cart";
      this.cartUrl = root.dataset.cartUrl || "/cart";
      this.productForm = this.cart ? null : this.findProductForm();
      this.answer = null;
      this.request = null;
      this.key = "";
      this.timer = 0;
      this.debounce = 0;
      this.bind();
      this.refresh();
    }

    findProductForm() {
      const section = this.root.closest(".shopify-section") || document;
      const selector = 'form[action*="/cart/add"]';
      return section.querySelector(selector) || document.querySelector(selector);
    }

    variantId() {
      const field = this.productForm && this.productForm.querySelector('[name="id"]');
      if (field && field.value) return field.value;
      return new URLSearchParams(location.search).get("variant") || this.root.dataset.variant;
    }

    quantity() {
      const field = this.productForm && this.productForm.querySelector('[name="quantity"]');
      const quantity = field ? parseInt(field.value, 10) : 1;
      return quantity > 0 ? quantity : 1;
    }

    bind() {
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        const zip = this.input.value.trim();
        if (!ZIP.test(zip)) {
          this.input.setCustomValidity(this.strings.invalid || "");
          this.input.reportValidity();
          return;
        }
        this.input.setCustomValidity("");
        this.zip = zip;
        storeZip(zip);
        this.refresh();
      });
      const later = () => {
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.refresh(), 150);
      };
      // Themes swap the variant through the form's `id` field (change events) and the `variant` URL parameter.
      document.addEventListener("change", later, true);
      document.addEventListener("input", (event) => {
        if (event.target && event.target.name === "quantity") later();
      });
      window.addEventListener("popstate", later);
      // Adding to cart keeps the windows shown, so the order can be checked against them once delivered.
      if (this.productForm) this.productForm.addEventListener("submit", () => this.keepPromise(), true);
      // Themes that update the cart without a reload say so with this event (and change events on quantities).
      if (this.cart) document.addEventListener("cart:updated", later);
    }

    keepPromise() {
      if (!this.answer) return;
      const value = JSON.stringify({
        v: 1,
        at: new Date().toISOString(),
        zip: this.zip,
        speeds: this.answer.speeds
          .filter((s) => this.listed(s.code))
          .map((s) => ({ code: s.code, from: s.arrives.from, to: s.arrives.to })),
      });
      fetch(`${this.cartUrl}/update.js`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        keepalive: true,
        body: JSON.stringify({ attributes: { [PROMISE_ATTRIBUTE]: value } }),
      }).catch(() => {});
    }

    /** The query's item part: the product form's variant and quantity, or the cart's lines that ship. */
    items() {
      if (!this.cart) {
        const id = this.variantId();
        const params = new URLSearchParams({ variant_id: id, quantity: String(this.quantity()) });
        const facts = this.variants[id];
        if (facts) {
          params.set("price", String(facts[0]));
          params.set("grams", String(Math.round(facts[1] || 0)));
        }
        return Promise.resolve(params);
      }
      return fetch(`${this.cartUrl}.js`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then((response) => response.json())
        .then((cart) => {
          const lines = (cart.items || [])
            .filter((item) => item.requires_shipping !== false)
            .map((item) =>
              [item.variant_id, item.quantity, item.price, Math.round(item.grams || 0)].join(":"),
            );
          return lines.length ? new URLSearchParams({ lines: lines.join(",") }) : null;
        });
    }

    refresh() {
      if (!this.zip) {
        this.form.hidden = false;
        this.show([]);
        return;
      }
      this.form.hidden = true;
      const ticket = (this.ticket = (this.ticket || 0) + 1);
      this.items()
        .then((params) => {
          if (ticket !== this.ticket) return;
          if (!params) throw { status: 404 };
          params.set("zip", this.zip);
          const key = String(params);
          if (key === this.key && this.answer) {
            this.render();
            return;
          }
          this.key = key;
          if (this.request) this.request.abort();
          const controller = typeof AbortController === "function" ? new AbortController() : null;
          this.request = controller;
          return fetch(`${this.root.dataset.endpoint}?${params}`, {
            headers: { Accept: "application/json" },
            credentials: "same-origin",
            signal: controller ? controller.signal : undefined,
          })
            .then((response) => {
              if (!response.ok) throw { status: response.status };
              return response.json();
            })
            .then((answer) => {
              if (this.key !== key) return;
              this.answer = answer;
              this.render();
            });
        })
        .catch((error) => {
          if (error && error.name === "AbortError") return;
          // A wrong date is worse than none: an error shows nothing; a refused ZIP opens the field again.
          this.answer = null;
          this.key = "";
          this.show([]);
          if (error && error.status === 400) this.form.hidden = false;
        });
    }

    label(code) {
      return this.strings[code] || this.strings[code.slice(0, 11)] || code;
    }

    listed(code) {
      return this.speeds.some((prefix) => code.indexOf(prefix) === 0);
    }

    dates(arrives) {
      const options = { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" };
      let format;
      try {
        format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options);
      } catch {
        format = new Intl.DateTimeFormat(undefined, options);
      }
      const day = (iso) => format.format(new Date(`${iso}T12:00:00Z`));
      return arrives.to === arrives.from ? day(arrives.from) : `${day(arrives.from)} – ${day(arrives.to)}`;
    }

    countdown(orderBy) {
      const left = Math.floor((Date.parse(orderBy) - Date.now()) / 60000);
      if (!(left > 0) || left >= DAY_MINUTES) return "";
      const time =
        left >= 60
          ? fill(this.strings.hoursMinutes, { h: Math.floor(left / 60), m: left % 60 })
          : fill(this.strings.minutes, { m: left });
      return fill(this.strings.orderWithin, { time });
    }

    changeLink() {
      const line = el("p", "tr-promise__to", `${fill(this.strings.toZip, { zip: this.zip })} · `);
      const button = el("button", "tr-promise__change", this.strings.change);
      button.type = "button";
      button.addEventListener("click", () => {
        this.input.value = this.zip;
        this.form.hidden = false;
        this.input.focus();
      });
      line.appendChild(button);
      return line;
    }

    render() {
      const { speeds, pickup } = this.answer;
      const nodes = [this.changeLink()];
      let expired = false;
      let first = true;
      for (const speed of speeds) {
        if (!this.listed(speed.code)) continue;
        if (Date.parse(speed.orderBy) <= Date.now()) expired = true;
        const text = fill(this.strings.arrives, {
          speed: this.label(speed.code),
          dates: this.dates(speed.arrives),
        });
        const line = el("p", "tr-promise__speed", text);
        line.dataset.speed = speed.code;
        if (speed.backorder)
          line.appendChild(el("span", "tr-promise__backorder", ` · ${this.strings.backorder}`));
        nodes.push(line);
        if (first && this.root.dataset.countdown === "true") {
          const countdown = this.countdown(speed.orderBy);
          if (countdown) nodes.push(el("p", "tr-promise__countdown", countdown));
        }
        first = false;
      }
      if (this.root.dataset.pickup === "true" && pickup && pickup.eligible) {
        const note = pickup.nearest
          ? fill(this.strings.pickupNear, {
              count: pickup.pointsWithin10Miles,
              distance: pickup.nearest.distanceMiles,
              network: pickup.nearest.networkLabel,
            })
          : this.strings.pickupAvailable;
        nodes.push(el("p", "tr-promise__pickup", note));
      }
      this.show(nodes);
      clearTimeout(this.timer);
      // The countdown ticks each minute; past an order-by the window moves, so ask again.
      this.timer = setTimeout(
        () => {
          if (expired) this.key = "";
          this.refresh();
        },
        expired ? 15000 : 60000,
      );
    }

    show(nodes) {
      this.result.replaceChildren(...nodes);
    }
  }

  const start = () => {
    for (const root of document.querySelectorAll("[data-tailroute-promise]")) {
      if (!root.trPromise) root.trPromise = new DeliveryPromise(root);
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // The theme editor re-renders sections: start the new blocks.
  document.addEventListener("shopify:section:load", start);
})();
