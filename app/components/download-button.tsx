import { Button } from "@shopify/polaris";
import { useState } from "react";

/**
 * Downloads a file from one of the app's resource routes. It fetches rather than links so that, embedded,
 * App Bridge's fetch adds the session token (a plain link would reach the server unauthenticated).
 */
export function DownloadButton({
  url,
  filename,
  children,
}: {
  url: string;
  filename: string;
  children: string;
}) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const href = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = href;
      a.download = filename;
      a.click();
      URL.revokeObjectURL(href);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={download} loading={busy}>
      {children}
    </Button>
  );
}
