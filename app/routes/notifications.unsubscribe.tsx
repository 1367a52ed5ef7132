import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { withAppDb } from "../services/shop/app-database.server";
import {
  confirmUnsubscribe,
  unsubscribeLinkPage,
  type UnsubscribeAnswer,
} from "../services/notifications/unsubscribe-page.server";

// The public unsubscribe link of the app's emails (docs/notifications.md): GET shows a confirm button, POST (the
// button, or a mail client's one-click List-Unsubscribe-Post) unsubscribes. The token is signed: see the service.

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function page(answer: UnsubscribeAnswer, token: string | null): Response {
  const form = answer.confirm
    ? `<form method="post" action="?token=${encodeURIComponent(token ?? "")}"><button type="submit">Unsubscribe</button></form>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(answer.title)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;max-width:32rem;margin:3rem auto">
<h1>${escape(answer.title)}</h1><p>${escape(answer.message)}</p>${form}</body></html>`;
  return new Response(html, {
    status: answer.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token");

export const loader = ({ request }: LoaderFunctionArgs) => {
  const token = tokenOf(request);
  return page(unsubscribeLinkPage(token), token);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const token = tokenOf(request);
  return page(await withAppDb((db) => confirmUnsubscribe(db, token)), token);
};
