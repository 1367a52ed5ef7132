import { useEffect, useState, type ReactNode } from "react";

/** Renders its children only in the browser (after hydration): charts measure the DOM and do not render on the server. */
export function ClientOnly({
  children,
  fallback = null,
}: {
  children: () => ReactNode;
  fallback?: ReactNode;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}
